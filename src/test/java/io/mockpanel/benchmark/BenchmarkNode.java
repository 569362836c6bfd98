package io.mockpanel.benchmark;

import io.mockpanel.support.AppNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The node under load in the load benchmarks: on the test's database, with the full JIT and its
 * own heap, join limits out of the way (every simulated candidate comes from 127.0.0.1), and the
 * production jar named by {@code -Dbenchmark.jar} (Vaadin in production mode, as deployed). Without
 * the jar it runs the test classpath in development mode, whose heap figures are meaningless:
 * development mode keeps a stack trace per component for its tools.
 */
final class BenchmarkNode {

    private BenchmarkNode() {
    }

    static AppNode on(JdbcConnectionDetails database, String heap) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseG1GC"));
        // e.g. -Dbenchmark.node-options=-XX:StartFlightRecording=filename=/tmp/node.jfr to profile the node
        String extra = System.getProperty("benchmark.node-options", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        AppNode node = AppNode.onDatabase(database).jvm(options.toArray(String[]::new))
                .with("--mockpanel.rate-limits.join-capacity=1000000", "--mockpanel.public-url=http://localhost/");
        String jar = System.getProperty("benchmark.jar", "");
        if (jar.isBlank()) {
            System.out.println("FIGURE WARNING: no -Dbenchmark.jar: the node runs in Vaadin's development mode; "
                    + "heap per UI is not what production uses");
            return node;
        }
        return node.jar(Path.of(jar));
    }
}
