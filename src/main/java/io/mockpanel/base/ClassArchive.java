package io.mockpanel.base;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start which class archive this JVM started from (decision 0044): JDK 25's AOT cache
 * ({@code -XX:AOTCache}), a CDS archive ({@code -XX:SharedArchiveFile}, JDK 21–24), or none. An
 * archive the JVM was given but could not map (made from another jar or JDK) is a warning: the
 * node then starts about twice as slowly, and nothing else would say why.
 */
@Component
public class ClassArchive {

    private static final Logger log = LoggerFactory.getLogger(ClassArchive.class);

    /** Which archive, and whether the JVM maps it. */
    public record State(String kind, String path, boolean inUse) {

        public String describe() {
            if (path.isEmpty()) {
                return "No class archive (JDK " + Runtime.version().feature() + "): start-up loads every class from "
                        + "the jars; see docs/benchmarks/startup.md for the archive that halves it";
            }
            return inUse ? "Started from the " + kind + " " + path
                    : "The " + kind + " " + path + " could not be used (made from another jar or JDK?): start-up "
                            + "is slower; make it again with a training run (docs/benchmarks/startup.md)";
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        State state = current();
        if (!state.path().isEmpty() && !state.inUse()) {
            log.warn(state.describe());
        } else {
            log.info(state.describe());
        }
    }

    /** The archive of this JVM, read from its HotSpot options. */
    public static State current() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        // "mixed mode, sharing": HotSpot says so only when it mapped an archive; JDK 25 has no flag to read.
        boolean mapped = String.valueOf(System.getProperty("java.vm.info")).contains("sharing");
        String aotCache = option(hotSpot, "AOTCache").orElse("");
        if (!aotCache.isEmpty()) {
            return new State("AOT cache", aotCache, mapped);
        }
        String shared = option(hotSpot, "SharedArchiveFile").orElse("");
        // Without the option the JDK maps its own default archive of JDK classes: not ours.
        return shared.isEmpty() ? new State("", "", false) : new State("CDS archive", shared, mapped);
    }

    private static Optional<String> option(HotSpotDiagnosticMXBean hotSpot, String name) {
        try {
            return Optional.of(hotSpot.getVMOption(name).getValue());
        } catch (IllegalArgumentException notInThisJdk) {
            return Optional.empty();
        }
    }
}
