package io.mockpanel.scoring;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Orders the scoring writes of a session and tells whether a scenario's scores are revealed. */
@Component
class ScenarioLock {

    /** The first key of this feature's transaction-scoped advisory locks (the second is the session). */
    private static final int LOCK_SPACE = 0x5C0E;

    private final JdbcClient jdbc;

    ScenarioLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes this feature's writes per session: the reveal against late corrections, above all. */
    void lock(long sessionId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_SPACE, Long.hashCode(sessionId))
                .query((rs, row) -> 1).list();
    }

    boolean isRevealed(long sessionId, int scenario) {
        return jdbc.sql("select exists (select 1 from score_reveal where session_id = ? and scenario = ?)")
                .params(sessionId, scenario).query(Boolean.class).single();
    }
}
