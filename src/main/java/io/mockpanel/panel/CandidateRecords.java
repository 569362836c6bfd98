package io.mockpanel.panel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which candidate (a person across sessions) a new session is for: the one an address already
 * belongs to, or a new one. A session without an address gets a candidate of its own, which a coach
 * may later merge with another.
 */
@Component
class CandidateRecords {

    private final JdbcClient jdbc;

    CandidateRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The candidate for this name and address, created when the address is new; names follow the newest session. */
    @Transactional(propagation = Propagation.MANDATORY)
    long forSession(String name, @Nullable String email, Instant now) {
        if (email == null) {
            return create(name, now);
        }
        String alias = email.toLowerCase(Locale.ROOT);
        // Two sessions created at once for one new address: the loser of the insert waits for the
        // winner's commit and then reads its row.
        var existing = jdbc.sql("select candidate_id from candidate_alias where email = ?")
                .param(alias).query(Long.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("update candidate set display_name = ? where id = ? and anonymised_at is null")
                    .params(name, existing.get()).update();
            return existing.get();
        }
        long id = create(name, now);
        int inserted = jdbc.sql("insert into candidate_alias (email, candidate_id) values (?, ?) on conflict do nothing")
                .params(alias, id).update();
        if (inserted == 1) {
            return id;
        }
        jdbc.sql("delete from candidate where id = ?").param(id).update();
        return jdbc.sql("select candidate_id from candidate_alias where email = ?").param(alias).query(Long.class).single();
    }

    private long create(String name, Instant now) {
        return jdbc.sql("insert into candidate (display_name, created_at) values (?, ?) returning id")
                .params(name, now.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }
}
