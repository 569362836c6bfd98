package io.mockpanel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our stylesheets are plain files that no build checks; a brace lost in a merge silently drops every
 * rule after it (it once unstyled the whole review page). Each file's blocks must close, outside
 * comments, and no merge marker may be left.
 */
class StylesheetsTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources", "META-INF", "resources");

    @Test
    void every_stylesheet_closes_its_blocks_and_holds_no_merge_markers() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            sheets = files.filter(f -> f.toString().endsWith(".css")).toList();
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            String css = Files.readString(sheet).replaceAll("(?s)/\\*.*?\\*/", "");
            int depth = 0;
            for (char c : css.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                assertThat(depth).as("%s closes a block it never opened", sheet).isGreaterThanOrEqualTo(0);
            }
            assertThat(depth).as("%s leaves %d block(s) open", sheet, depth).isZero();
            assertThat(css).as(sheet.toString()).doesNotContain("<<<<<<<", ">>>>>>>", "\n=======");
        }
    }
}
