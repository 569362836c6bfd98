package io.mockpanel.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the system's Chromium for real-browser tests (Playwright never downloads a browser
 * here). Where no Chromium is installed the browser tests are skipped, so the test command still
 * works on a machine with only a JDK; CI installs Debian's chromium and runs them.
 */
public final class Browsers {

    private Browsers() {
    }

    public static Optional<Path> chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        return Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> p != null && !p.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    public static Playwright playwright() {
        Path chromium = chromium().orElse(null);
        Assumptions.assumeTrue(chromium != null, "No Chromium installed (apt-get install chromium): browser test skipped");
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium().orElseThrow())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }
}
