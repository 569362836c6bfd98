package io.mockpanel.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A big, generated history in a database of its own (issue 8: 50 000 sessions, 1 000 000 notes),
 * for the history plan test and benchmark. Its own database because a coach sees every session:
 * in the suite's shared database these rows would swamp every other test's history. Built with
 * set-based SQL in one transaction, then analysed; kept between runs on the same server (a marker
 * row says which size and schema built it), so only the first run pays for it.
 *
 * <p>People: {@link #COACH} (sees everything), interviewers {@code big-int-000..199} (each sits on
 * about 750 sessions as lead or panelist), coaches {@code big-coach-00..19} observe a third of the
 * sessions. Notes: ten per cent private. Words for searches: {@link #RARE_WORD} in about one note
 * in a thousand; {@link #PRIVATE_WORD} only in private notes.
 */
public final class HistoryDataSet implements AutoCloseable {

    /** How big: sessions, and notes per session. */
    public record Size(int sessions, int notesPerSession) {
        /** Issue 8's figure, for the benchmark. */
        public static final Size FULL = new Size(50_000, 20);
        /** Big enough for the same plans, built in a fraction of the time (the plan test runs in CI). */
        public static final Size PLANS = new Size(20_000, 10);
    }

    public static final String COACH = "big-coach-00";
    public static final String INTERVIEWER = "big-int-007";
    public static final String RARE_WORD = "kafka";
    public static final String PRIVATE_WORD = "zebracorn";
    public static final int INTERVIEWERS = 200;
    public static final int SCENARIOS = 40;
    public static final int CANDIDATES = 20_000;

    private final HikariDataSource dataSource;
    private final Size size;
    private final double buildSeconds;

    private HistoryDataSet(HikariDataSource dataSource, Size size, double buildSeconds) {
        this.dataSource = dataSource;
        this.size = size;
        this.buildSeconds = buildSeconds;
    }

    /**
     * The data set of this size on the suite's PostgreSQL server, built unless an earlier run left
     * it there (same size, same schema version).
     */
    public static HistoryDataSet open(JdbcConnectionDetails server, Size size) {
        String name = "mockpanel_history_" + size.sessions() + "_" + size.notesPerSession();
        String url = withDatabase(server.getJdbcUrl(), name);
        try (Connection admin = java.sql.DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(),
                server.getPassword()); Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the history data set's database " + name, e);
        }
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(server.getUsername());
        config.setPassword(server.getPassword());
        config.setMaximumPoolSize(4);
        config.setPoolName("history-data-set");
        var dataSource = new HikariDataSource(config);
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .cleanDisabled(false).load();
        try {
            flyway.migrate();
        } catch (org.flywaydb.core.api.FlywayException changedMigrations) {
            // Built by an older version of a migration: start again from an empty schema.
            flyway.clean();
            flyway.migrate();
        }
        String version = flyway.info().current().getVersion().getVersion();
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table if not exists history_data_set (sessions int, notes_per_session int, schema text)")
                .update();
        boolean built = jdbc.sql("select count(*) from history_data_set where sessions = ? and notes_per_session = ?"
                + " and schema = ?").params(size.sessions(), size.notesPerSession(), version)
                .query(Integer.class).single() > 0;
        long start = System.nanoTime();
        if (!built) {
            build(dataSource, size, version);
        }
        return new HistoryDataSet(dataSource, size, built ? 0 : (System.nanoTime() - start) / 1e9);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    /** Runs the work in one read-only transaction on this data set, as the service's transactions do. */
    public <T> T inTransaction(java.util.function.Function<JdbcClient, T> work) {
        var template = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
        template.setReadOnly(true);
        return template.execute(status -> work.apply(jdbc()));
    }

    public Size size() {
        return size;
    }

    /** Seconds this run spent building it; 0 when an earlier run's data set was reused. */
    public double buildSeconds() {
        return buildSeconds;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String withDatabase(String url, String name) {
        // jdbc:postgresql://host:port/db?params
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    private static void build(DataSource dataSource, Size size, String version) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("set local synchronous_commit = off");
            sql.execute("set local maintenance_work_mem = '256MB'");
            sql.execute("truncate history_data_set, session_note, session_verdict, session_scenario, session_member,"
                    + " panel_session, candidate_alias, candidate, scenario, user_account restart identity cascade");
            sql.execute("""
                    insert into user_account (username, display_name, role, password_hash, created_at, updated_at)
                    select 'big-int-' || lpad(i::text, 3, '0'), 'Interviewer ' || i, 'INTERVIEWER', '{noop}unused',
                           now(), now() from generate_series(0, %d) i
                    union all
                    select 'big-coach-' || lpad(i::text, 2, '0'), 'Coach ' || i, 'COACH', '{noop}unused', now(), now()
                      from generate_series(0, 19) i""".formatted(INTERVIEWERS - 1));
            sql.execute("""
                    insert into scenario (category, title, level, duration_minutes, situation, created_at, updated_at)
                    select 'Category ' || (i %% 5), 'Scenario ' || lpad(i::text, 2, '0'), 'Senior', 45,
                           'A generated scenario.', now(), now()
                      from generate_series(1, %d) i order by i""".formatted(SCENARIOS));
            sql.execute("""
                    insert into candidate (display_name, created_at)
                    select (array['Ada','Ben','Chloe','Dev','Eli','Fay','Gus','Hana','Ivo','Jun','Kai','Lena',
                                  'Milo','Nia','Omar','Pia','Quinn','Rosa','Sam','Tara'])[1 + i %% 20]
                           || ' ' || (array['Stone','Rivera','Okafor','Nguyen','Schmidt','Kowalski','Haddad','Ito',
                                  'Larsen','Moreau','Costa','Singh','Novak','Byrne','Park'])[1 + (i / 20) %% 15]
                           || ' ' || i, now()
                      from generate_series(1, %d) i order by i""".formatted(CANDIDATES));
            // Session g is held g half-hours ago: the newest 20 are live, the next ones scheduled
            // (not started: held = created), every twentieth other one cancelled, the rest completed.
            sql.execute("""
                    insert into panel_session (title, candidate_name, candidate_email, lead_username, state,
                                               created_at, started_at, ended_at, candidate_id)
                    select 'Mock panel ' || g, c.display_name, null,
                           'big-int-' || lpad(((g * 7) %% %1$d)::text, 3, '0'),
                           case when g <= 20 then 'LIVE' when g <= 1000 then 'SCHEDULED'
                                when g %% 20 = 0 then 'CANCELLED' else 'COMPLETED' end,
                           now() - g * interval '30 minutes' - interval '2 days',
                           case when g <= 20 or (g > 1000 and g %% 20 <> 0) then now() - g * interval '30 minutes' end,
                           case when g > 1000 and g %% 20 <> 0 then now() - g * interval '30 minutes'
                                + interval '1 hour' end,
                           c.id
                      from generate_series(1, %2$d) g
                      join candidate c on c.id = 1 + (g * 7919) %% %3$d
                     order by g""".formatted(INTERVIEWERS, size.sessions(), CANDIDATES));
            // Sessions are numbered as inserted: id = g.
            sql.execute("""
                    insert into session_member (session_id, username, role)
                    select s.id, 'big-int-' || lpad(((s.id * 7 + k) %% %d)::text, 3, '0'),
                           case k when 0 then 'LEAD' else 'PANELIST' end
                      from panel_session s cross join (values (0), (1), (3)) seat(k)
                    union all
                    select s.id, 'big-coach-' || lpad((s.id %% 20)::text, 2, '0'), 'OBSERVER'
                      from panel_session s where s.id %% 3 = 0""".formatted(INTERVIEWERS));
            sql.execute("""
                    insert into session_scenario (session_id, position, source_scenario_id, content)
                    select s.id, p, 1 + (s.id * 3 + p * (1 + s.id %% 7)) %% %d, '{"title": "generated"}'::jsonb
                      from panel_session s cross join generate_series(0, 1) p""".formatted(SCENARIOS));
            sql.execute("""
                    insert into session_verdict (session_id, recommendation, note, recorded_by, recorded_at)
                    select s.id, 1 + (s.id * 31) % 4, '', s.lead_username, s.ended_at
                      from panel_session s where s.state = 'COMPLETED' and s.id % 10 < 7""");
            // Note k of a session is written by seat k % 3; every tenth note is private. The text is
            // three of sixty phrases; about one note in a thousand mentions the rare word, and a few
            // private notes hold a word nobody else's note has.
            sql.execute("""
                    with phrase as (select array[
                      'clarified the requirements first', 'asked about expected traffic', 'sketched the data model',
                      'jumped straight into the solution', 'explained the trade-offs clearly', 'missed the failure modes',
                      'proposed a cache in front of the database', 'talked about sharding by customer',
                      'estimated storage for five years', 'named a clear owner for the rollout',
                      'answer ran long before reaching a result', 'good use of a concrete example',
                      'too vague on the timeline', 'structured the answer with a framework', 'checked assumptions aloud',
                      'considered the on-call burden', 'pushed back on scope politely', 'described the incident review',
                      'mentioned metrics for success', 'forgot about backwards compatibility', 'chose eventual consistency',
                      'discussed the read and write paths', 'used the whiteboard well', 'stayed calm under pressure',
                      'described mentoring a junior engineer', 'handled the conflict with empathy',
                      'gave a measurable outcome', 'did not quantify the impact', 'asked a good question back',
                      'summarised before moving on', 'needed a hint on indexing', 'brought up rate limiting',
                      'covered authentication and authorisation', 'thought about the migration plan',
                      'talked about feature flags', 'spotted the race condition', 'explained idempotent retries',
                      'ignored the cost question', 'compared two queue designs', 'discussed observability and tracing',
                      'described stakeholder alignment', 'weighed build versus buy', 'reasoned about latency budgets',
                      'talked through the deployment pipeline', 'owned a past mistake honestly',
                      'prioritised with a clear rationale', 'mentioned accessibility', 'considered data retention',
                      'asked who the users are', 'described the hiring bar', 'explained the testing strategy',
                      'drew the component diagram', 'recovered well after a wrong turn', 'lost track of the question',
                      'gave a crisp summary at the end', 'proposed a phased rollout', 'talked about capacity planning',
                      'brought data to the argument', 'explained the consistency model', 'kept the answer short'] as p)
                    insert into session_note (session_id, author, private, text, offset_ms, created_at, updated_at)
                    select s.id,
                           case k %% 3 when 0 then s.lead_username
                                else 'big-int-' || lpad(((s.id * 7 + case k %% 3 when 1 then 1 else 3 end) %% %1$d)::text, 3, '0') end,
                           k %% 10 = 0,
                           p[1 + (s.id * 13 + k * 7) %% 60] || '; ' || p[1 + (s.id * 17 + k * 29) %% 60] || '; '
                             || p[1 + (s.id + k * 41) %% 60]
                             || case when (s.id * 31 + k) %% 997 = 0 then '; mentioned %3$s consumer rebalancing' else '' end
                             || case when k %% 10 = 0 and s.id %% 50 = 0 then '; %4$s' else '' end,
                           k * 60000, s.created_at + k * interval '1 minute', s.created_at + k * interval '1 minute'
                      from panel_session s cross join generate_series(1, %2$d) k, phrase""".formatted(INTERVIEWERS, size.notesPerSession(),
                    RARE_WORD, PRIVATE_WORD));
            var made = sql.executeQuery("select (select count(*) from panel_session), (select count(*) from session_note)");
            made.next();
            if (made.getLong(1) != size.sessions() || made.getLong(2) != (long) size.sessions() * size.notesPerSession()) {
                throw new IllegalStateException("The history data set came out with " + made.getLong(1) + " sessions and "
                        + made.getLong(2) + " notes");
            }
            sql.execute("insert into history_data_set values (" + size.sessions() + ", " + size.notesPerSession()
                    + ", '" + version + "')");
            connection.commit();
            connection.setAutoCommit(true);
            sql.execute("vacuum analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("Building the history data set failed", e);
        }
    }
}
