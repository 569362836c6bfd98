package io.mockpanel.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code user_account} table, in plain SQL like every other table (decision 0046). An update
 * names the version it read: a row someone else changed in between is not overwritten.
 */
@Repository
class UserAccountRepository {

    /** The unique index on usernames (V0001). */
    static final String USERNAME_KEY = "user_account_username_key";
    /** The unique index on addresses regardless of case (V0019). */
    static final String EMAIL_KEY = "user_account_email_key";

    private static final String COLUMNS = """
            id, username, display_name, role, password_hash, enabled, email, session_epoch, created_at,
            updated_at, version""";

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from user_account where id = ?").param(id)
                .query(UserAccountRepository::row).optional();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from user_account where username = ?").param(username)
                .query(UserAccountRepository::row).optional();
    }

    List<UserAccount> findAllOrderedByUsername() {
        return jdbc.sql("select " + COLUMNS + " from user_account order by username")
                .query(UserAccountRepository::row).list();
    }

    boolean existsByUsername(String username) {
        return jdbc.sql("select exists (select 1 from user_account where username = ?)").param(username)
                .query(Boolean.class).single();
    }

    /** Whether an account other than {@code exceptId} (none: any account) has this address, in any case. */
    boolean emailTaken(String email, @Nullable Long exceptId) {
        return jdbc.sql("""
                select exists (select 1 from user_account
                               where lower(email) = lower(:email) and (cast(:except as bigint) is null or id <> :except))""")
                .param("email", email).param("except", exceptId)
                .query(Boolean.class).single();
    }

    long countEnabled(AccountRole role) {
        return jdbc.sql("select count(*) from user_account where role = ? and enabled").param(role.name())
                .query(Long.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single();
    }

    /** Inserts a new account and gives it its id. */
    void insert(UserAccount account) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into user_account (username, display_name, role, password_hash, enabled, email, session_epoch,
                                          created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(account.username(), account.displayName(), account.role().name(), account.passwordHash(),
                        account.enabled(), account.email(), account.sessionEpoch(), utc(account.createdAt()),
                        utc(account.updatedAt()))
                .update(keys, "id");
        account.stored(keys.getKeyAs(Long.class), 0);
    }

    /**
     * Writes what may change on an account: password, enabled, address, session epoch.
     *
     * @throws OptimisticLockingFailureException when the row changed since it was read
     */
    void update(UserAccount account) {
        int updated = jdbc.sql("""
                update user_account
                set password_hash = ?, enabled = ?, email = ?, session_epoch = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(account.passwordHash(), account.enabled(), account.email(), account.sessionEpoch(),
                        utc(account.updatedAt()), account.id(), account.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Account " + account.id() + " was changed or removed meanwhile");
        }
        account.stored(account.id(), account.version() + 1);
    }

    /**
     * Whether a write failed on this unique index: PostgreSQL names it in the error's constraint
     * field (read there, not from the message, which the server may word in another language).
     */
    static boolean collidesOn(DuplicateKeyException failure, String index) {
        return failure.getMostSpecificCause() instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && index.equals(psql.getServerErrorMessage().getConstraint());
    }

    private static UserAccount row(ResultSet rs, int rowNum) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                AccountRole.valueOf(rs.getString("role")), rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getString("email"), rs.getInt("session_epoch"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
