package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up line says whether the node runs from a class archive, and warns when one is given but unusable. */
class ClassArchiveTest {

    @Test
    void a_jvm_without_an_archive_option_has_none_of_ours() {
        ClassArchive.State state = ClassArchive.current();

        assertThat(state.path()).isEmpty();
        assertThat(state.describe()).startsWith("No class archive (JDK " + Runtime.version().feature() + ")");
    }

    @Test
    void an_archive_the_jvm_cannot_map_is_named_and_not_in_use(@TempDir Path directory) throws Exception {
        Path archive = directory.resolve(Runtime.version().feature() >= 25 ? "broken.aot" : "broken.jsa");
        Files.writeString(archive, "not an archive");
        String option = (Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;

        String said = probe(option);

        assertThat(said).contains("kind=" + (Runtime.version().feature() >= 25 ? "AOT cache" : "CDS archive"))
                .contains("path=" + archive).contains("inUse=false");
    }

    @Test
    void the_description_of_a_mapped_archive_names_it() {
        assertThat(new ClassArchive.State("AOT cache", "/app/app.aot", true).describe())
                .isEqualTo("Started from the AOT cache /app/app.aot");
        assertThat(new ClassArchive.State("AOT cache", "/app/app.aot", false).describe())
                .startsWith("The AOT cache /app/app.aot could not be used");
    }

    /** What {@link ClassArchive#current()} says in a fresh JVM started with this option. */
    private static String probe(String option) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, option, "-cp", System.getProperty("java.class.path"),
                ClassArchiveProbe.class.getName()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes());
    }
}
