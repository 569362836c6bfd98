package io.mockpanel.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements the application runs through its connection pool, between two points
 * of a test: on the current thread (what a Karibu test's {@code MockVaadin.runUIQueue} made one
 * screen do) or on every thread. The tests' DataSource is wrapped once by
 * {@link TestDatabaseConfiguration}; counting costs nothing while no recording is open.
 *
 * <pre>{@code
 * try (var queries = QueryCounter.onThisThread()) {
 *     MockVaadin.runUIQueue();
 *     assertThat(queries.count()).isLessThanOrEqualTo(2);
 * }
 * }</pre>
 *
 * A statement is one execution (a batch counts once); connection calls (commit, read-only) are
 * not statements. The session event listener's own connection is outside the pool and never counted.
 */
public final class QueryCounter {

    private static final Set<Recording> everywhere = new CopyOnWriteArraySet<>();
    private static final ThreadLocal<List<Recording>> onThread = ThreadLocal.withInitial(ArrayList::new);

    private QueryCounter() {
    }

    /** Statements run on the calling thread from now until {@link Recording#close()} (on this thread too). */
    public static Recording onThisThread() {
        return new Recording(onThread.get());
    }

    /** Statements run on any thread from now until {@link Recording#close()}. */
    public static Recording everywhere() {
        return new Recording(everywhere);
    }

    /** The number of statements {@code action} ran on this thread. */
    public static int count(Runnable action) {
        try (Recording recording = onThisThread()) {
            action.run();
            return recording.count();
        }
    }

    /** What {@code action} returned, with the statements it ran on this thread. */
    public static <T> Counted<T> counted(Supplier<T> action) {
        try (Recording recording = onThisThread()) {
            T value = action.get();
            return new Counted<>(value, recording.count(), recording.statements());
        }
    }

    public record Counted<T>(T value, int count, List<String> statements) {
    }

    /** The statements seen since it was opened; closing it stops the counting. */
    public static final class Recording implements AutoCloseable {

        private final List<String> statements = new ArrayList<>();
        private final Collection<Recording> home;
        private boolean closed;

        private Recording(Collection<Recording> home) {
            this.home = home;
            home.add(this);
        }

        private synchronized void add(String sql) {
            if (!closed) {
                statements.add(sql);
            }
        }

        public synchronized int count() {
            return statements.size();
        }

        /** The statements' SQL, in the order run (one line each, whitespace collapsed). */
        public synchronized List<String> statements() {
            return List.copyOf(statements);
        }

        /** Forgets what was counted so far and goes on counting. */
        public synchronized void reset() {
            statements.clear();
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
            }
            home.remove(this);
        }
    }

    /** Wraps the application's pool so that every statement passes the counter. */
    static DataSource wrap(DataSource dataSource) {
        if (dataSource instanceof ProxyDataSource) {
            return dataSource;
        }
        return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(new Listener()).build();
    }

    private static final class Listener implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            List<Recording> mine = onThread.get();
            if (mine.isEmpty() && everywhere.isEmpty()) {
                return;
            }
            String sql = queryInfoList.isEmpty() ? "?" : queryInfoList.getFirst().getQuery().replaceAll("\\s+", " ")
                    .trim();
            mine.forEach(recording -> recording.add(sql));
            everywhere.forEach(recording -> recording.add(sql));
        }
    }
}
