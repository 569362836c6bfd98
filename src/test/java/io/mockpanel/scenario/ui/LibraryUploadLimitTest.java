package io.mockpanel.scenario.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.mockpanel.scenario.LibraryFiles;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The library upload at HTTP level, as an attacker would use it: a signed-in interviewer's
 * browser session (its cookies) and the upload component's own target URL, but a body of
 * 200 MiB posted straight at it, bypassing the browser's size check. The server must stop reading
 * at about the 1 MiB limit, tell the user calmly in the page, and still preview a normal file.
 */
@IntegrationTest
class LibraryUploadLimitTest {

    private static final String PASSWORD = "upload-test-password";
    private static final long BODY = 200L * 1024 * 1024;
    /** The handler reads in chunks: it may read one chunk past the limit before it stops. */
    private static final long MOST_READ = ScenarioService.MAX_FILE_BYTES + 16 * 1024;

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    MeterRegistry metrics;

    private BrowserContext context;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_200_mib_body_of_unknown_length_is_refused_after_reading_about_the_limit() throws Exception {
        Page page = importPage();
        DistributionSummary refused = summary("refused");
        long refusedBefore = refused.count();
        double readBefore = refused.totalAmount();

        Posted posted = postToUploadTarget(page, false);

        long read = (long) (refused.totalAmount() - readBefore);
        System.out.printf(Locale.ROOT, "UPLOAD chunked 200 MiB: server read %d bytes (limit %d); client sent %d"
                + " bytes before the server stopped it; heap used before %d MB, after %d MB, peak during %d MB%n",
                read, ScenarioService.MAX_FILE_BYTES, posted.sent(), mb(posted.heapBefore()), mb(posted.heapAfter()),
                mb(posted.heapPeak()));
        assertThat(posted.status()).as("the upload's HTTP answer").isNotEqualTo(200);
        assertThat(refused.count()).as("refused uploads").isEqualTo(refusedBefore + 1);
        assertThat(read).as("bytes the server read").isGreaterThan(ScenarioService.MAX_FILE_BYTES)
                .isLessThanOrEqualTo(MOST_READ);
        assertThat(posted.sent()).as("bytes the client got to send of 200 MiB").isLessThan(BODY / 4);

        page.locator("#import-error").getByText("may have at most 1 MiB").waitFor();
        assertThat(page.locator("#import-error").textContent())
                .contains("big.md was not read: a library file may have at most 1 MiB (1048576 bytes)");
        assertThat(page.locator("#import-summary").count()).isZero();

        previewsANormalFile(page);
    }

    @Test
    void a_body_declaring_200_mib_is_refused_without_reading_any_of_it() throws Exception {
        Page page = importPage();
        DistributionSummary refused = summary("refused");
        long refusedBefore = refused.count();
        double readBefore = refused.totalAmount();

        Posted posted = postToUploadTarget(page, true);

        long read = (long) (refused.totalAmount() - readBefore);
        System.out.printf(Locale.ROOT, "UPLOAD Content-Length 200 MiB: server read %d bytes; client sent %d bytes;"
                + " heap used before %d MB, after %d MB, peak during %d MB%n", read, posted.sent(),
                mb(posted.heapBefore()), mb(posted.heapAfter()), mb(posted.heapPeak()));
        assertThat(posted.status()).isNotEqualTo(200);
        assertThat(refused.count()).isEqualTo(refusedBefore + 1);
        assertThat(read).isZero();
        page.locator("#import-error").getByText("it has " + BODY + " bytes").waitFor();

        previewsANormalFile(page);
    }

    private void previewsANormalFile(Page page) {
        String title = LibraryFiles.unique("Uploaded in Chromium");
        page.locator("#library-upload input[type=file]").setInputFiles(new FilePayload("normal.md",
                "text/markdown", LibraryFiles.utf8(LibraryFiles.oneScenario(title, "A normal upload."))));
        page.locator("#import-summary").getByText("1 scenarios: 1 new").waitFor();
        assertThat(page.locator("vaadin-grid").textContent()).contains(title);
        assertThat(page.locator("#import-error").count()).isZero();
    }

    private DistributionSummary summary(String outcome) {
        return DistributionSummary.builder(BoundedUploadHandler.METRIC).tag("outcome", outcome).register(metrics);
    }

    /** The import page of a freshly created interviewer, signed in in a new browser context. */
    private Page importPage() {
        String username = "upload-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        TestUsers.as("upload-admin", "ADMIN", () -> accounts.createAccount(
                new NewAccount(username, "Uma Uploader", AccountRole.INTERVIEWER, PASSWORD)));
        context = chromium.person(1440, 900);
        Page page = context.newPage();
        PanelPages.signIn(page, url(""), username, PASSWORD);
        page.navigate(url("scenarios/import"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#library-upload").waitFor();
        return page;
    }

    private record Posted(int status, long sent, long heapBefore, long heapAfter, long heapPeak) {
    }

    /**
     * POSTs a generated 200 MiB body (never held in memory) to the upload component's target URL
     * with the browser context's cookies, as vaadin-upload does (raw body, X-Filename header).
     */
    private Posted postToUploadTarget(Page page, boolean declareLength) throws Exception {
        String target = page.locator("#library-upload").getAttribute("target");
        assertThat(target).as("the upload's target URL").isNotBlank();
        // Relative to the document's base (Vaadin sets one), as the browser resolves it.
        URI uri = URI.create((String) page.evaluate("document.baseURI")).resolve(target);
        String cookies = context.cookies(uri.toString()).stream().map(c -> c.name + "=" + c.value)
                .collect(Collectors.joining("; "));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(heapBefore);
        var sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        var body = new GeneratedBody(BODY);
        BodyPublisher stream = BodyPublishers.ofInputStream(() -> body);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .header("Cookie", cookies)
                .header("Content-Type", "application/octet-stream")
                .header("X-Filename", "big.md")
                .POST(declareLength ? BodyPublishers.fromPublisher(stream, BODY) : stream)
                .build();
        int status;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            System.out.println("UPLOAD answer " + status + ": " + response.body());
        } catch (IOException closedEarly) {
            // The server answered and closed the connection while the client was still sending.
            status = -1;
        }
        sampling.set(false);
        sampler.join();
        System.gc();
        return new Posted(status, body.sent(), heapBefore, memory.getHeapMemoryUsage().getUsed(), peak.get());
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** {@code size} bytes of Markdown-looking text, made up as they are read; counts what was read. */
    private static final class GeneratedBody extends InputStream {

        private static final byte[] LINE = "- a line of a very large library file\n".getBytes();
        private final long size;
        private long position;

        GeneratedBody(long size) {
            this.size = size;
        }

        long sent() {
            return position;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return LINE[(int) (position++ % LINE.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = LINE[(int) ((position + i) % LINE.length)];
            }
            position += n;
            return n;
        }
    }
}
