package io.mockpanel.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what a node costs from outside it, as an operator would: heap after a full GC and thread
 * count with the JDK's {@code jcmd}, CPU time from {@code /proc}, and the database's transaction
 * count from {@code pg_stat_database}.
 */
final class NodeProbe {

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");
    private static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    private final long pid;
    private final JdbcClient jdbc;

    NodeProbe(long pid, JdbcClient jdbc) {
        this.pid = pid;
        this.jdbc = jdbc;
    }

    /**
     * Live heap in bytes: the total of {@code jcmd GC.class_histogram}, which runs a full
     * collection and counts what survived it. (Reading {@code GC.heap_info} after {@code GC.run}
     * also counts what the load allocated in between: tens of MB under load.)
     */
    long heapAfterGc() {
        return total(classHistogram());
    }

    /** Live instances of a class in a class histogram (0 when none are left). */
    static long instances(String histogram, String className) {
        Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(className) + "(\\s|$)")
                .matcher(histogram);
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }

    /** Live heap in bytes in a class histogram: its Total line. */
    static long total(String histogram) {
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("no Total line from jcmd GC.class_histogram");
        }
        return Long.parseLong(total.group(1));
    }

    /** The node's heap by class after a full collection (jcmd GC.class_histogram), largest first. */
    String classHistogram() {
        return jcmd("GC.class_histogram");
    }

    /** Live threads of the node. */
    long threads() {
        try {
            return Files.list(Path.of("/proc", Long.toString(pid), "task")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The node's CPU time (user + system) so far, in clock ticks (1/100 s on Linux). */
    long cpuTicks() {
        return ticksOf(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The whole machine's busy and total ticks. */
    static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException e) {
            return new long[] {0, 1};
        }
    }

    /** Transactions committed or rolled back in the current database so far. */
    long transactions() {
        return jdbc.sql("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
                .query(Long.class).single();
    }

    /** Connections of the node's application (all backends of this database other than this one). */
    long databaseConnections() {
        return jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() "
                + "and pid <> pg_backend_pid() and application_name not like 'psql%'").query(Long.class).single();
    }

    private static long ticksOf(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name may hold spaces: split after its closing parenthesis, where field 3
            // (state) begins; utime and stime are fields 14 and 15.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        } catch (IOException e) {
            return 0;
        }
    }

    private String jcmd(String command) {
        try {
            Process process = new ProcessBuilder(List.of(JCMD, Long.toString(pid), command)).redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
