package io.mockpanel.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mockpanel.base.DatabaseFailures;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a signed-in session still belongs to its account (decision 0012): the database holds
 * each account's session epoch; this node remembers what it read for {@link #TTL}, so the many
 * requests of one screen do not each ask the database, and every node learns of a change within
 * that time.
 */
@Component
class SessionEpochs {

    static final Duration TTL = Duration.ofSeconds(2);

    private record AccountState(boolean enabled, int epoch) {
    }

    private static final AccountState GONE = new AccountState(false, Integer.MAX_VALUE);

    private final JdbcClient jdbc;
    private final Cache<String, AccountState> cache = Caffeine.newBuilder()
            .expireAfterWrite(TTL).maximumSize(10_000).build();
    /** What this node read last about each account, kept beyond the TTL for a database outage. */
    private final Cache<String, AccountState> lastKnown = Caffeine.newBuilder().maximumSize(10_000).build();

    SessionEpochs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A session signed in at {@code epoch} is still valid while the account exists, is enabled,
     * and has not moved to a later epoch. A later epoch in the session than here is this node's
     * cache lagging behind the user's own password change, not a reason to end the session.
     */
    boolean isCurrent(String username, int epoch) {
        AccountState state;
        try {
            state = cache.get(username, this::load);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnreachable(e)) {
                throw e;
            }
            // The database is away: no service can act for this session meanwhile anyway, and
            // ending every session at each outage would sign everyone out. Judge by what this node
            // read last; a session it never read about goes on until the database answers again.
            state = lastKnown.getIfPresent(username);
            if (state == null) {
                return true;
            }
        }
        return state.enabled() && epoch >= state.epoch();
    }

    /**
     * Reads the state of all these accounts in one query and remembers it: the sweep of open
     * screens costs one query per round, however many people are signed in on this node.
     */
    void refresh(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        Map<String, AccountState> found = new HashMap<>();
        jdbc.sql("select username, enabled, session_epoch from user_account where username = any(?)")
                .param(usernames.toArray(String[]::new))
                .query((rs, row) -> found.put(rs.getString(1), new AccountState(rs.getBoolean(2), rs.getInt(3))))
                .list();
        for (String username : usernames) {
            AccountState state = found.getOrDefault(username, GONE);
            cache.put(username, state);
            lastKnown.put(username, state);
        }
    }

    /** Forgets what this node read about an account, after it changed here. */
    void evict(String username) {
        cache.invalidate(username);
        lastKnown.invalidate(username);
    }

    private AccountState load(String username) {
        Optional<AccountState> state = jdbc.sql("select enabled, session_epoch from user_account where username = ?")
                .param(username)
                .query((rs, row) -> new AccountState(rs.getBoolean(1), rs.getInt(2)))
                .optional();
        AccountState known = state.orElse(GONE);
        lastKnown.put(username, known);
        return known;
    }
}
