package io.mockpanel.scenario.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.mockpanel.scenario.ScenarioService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Markdown downloads of the library or one scenario. The text is produced when the link is
 * clicked, through the secured service, so it is always current and access-checked.
 */
final class MarkdownDownloads {

    private static final String MARKDOWN = "text/markdown; charset=UTF-8";

    private MarkdownDownloads() {
    }

    static DownloadHandler library(ScenarioService scenarios) {
        return DownloadHandler.fromInputStream(event -> markdown(scenarios.exportLibrary(), "scenario-library.md"));
    }

    static DownloadHandler scenario(ScenarioService scenarios, long id, String title) {
        return DownloadHandler.fromInputStream(event -> scenarios.exportScenario(id)
                .map(text -> markdown(text, fileName(title)))
                .orElseGet(() -> DownloadResponse.error(404, "That scenario no longer exists.")));
    }

    private static DownloadResponse markdown(String text, String fileName) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, MARKDOWN, bytes.length);
    }

    /** A safe ASCII file name from the title, e.g. "crisis-management-and-incident-response.md". */
    static String fileName(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        return (slug.isEmpty() ? "scenario" : slug) + ".md";
    }
}
