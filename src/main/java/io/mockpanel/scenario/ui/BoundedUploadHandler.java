package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.mockpanel.base.ui.UiLogContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives an upload into memory, but never more of it than {@code maxBytes}: the request body is
 * read in small chunks and counted, and reading stops as soon as the count passes the limit. The
 * browser's own size check is a convenience, not a limit: anyone can post straight to the upload's
 * URL. Vaadin's {@code UploadHandler.inMemory} reads the whole body before anyone can look at its
 * size, so 1 GiB posted there was 1 GiB (and more) of heap.
 *
 * <p>What was done is recorded in the {@value #METRIC} distribution summary (bytes read, tagged
 * {@code outcome=accepted|refused}), so refused uploads show up in the metrics.
 */
final class BoundedUploadHandler implements UploadHandler {

    static final String METRIC = "mockpanel.library.upload.read";
    private static final int CHUNK = 16 * 1024;
    private static final Logger log = LoggerFactory.getLogger(BoundedUploadHandler.class);

    private final int maxBytes;
    private final String allowed;
    private final SerializableBiConsumer<String, byte[]> accepted;
    private final SerializableBiConsumer<String, String> refused;
    private final transient @Nullable DistributionSummary acceptedBytes;
    private final transient @Nullable DistributionSummary refusedBytes;

    /**
     * @param allowed  what is allowed, in words, for the message to the user (e.g. "1 MiB")
     * @param accepted gets the file's name and content; runs in {@link UI#access}
     * @param refused  gets the file's name and a message saying what is allowed; runs in {@link UI#access}
     */
    BoundedUploadHandler(int maxBytes, String allowed, SerializableBiConsumer<String, byte[]> accepted,
            SerializableBiConsumer<String, String> refused, MeterRegistry metrics) {
        this.maxBytes = maxBytes;
        this.allowed = allowed;
        this.accepted = accepted;
        this.refused = refused;
        this.acceptedBytes = summary(metrics, "accepted");
        this.refusedBytes = summary(metrics, "refused");
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String fileName = event.getFileName() == null ? "the file" : event.getFileName();
        long declared = event.getFileSize();
        if (declared > maxBytes) {
            // The request says how long it is: nothing of it needs to be read to refuse it.
            refuse(event, fileName, 0, "it has " + declared + " bytes");
            return;
        }
        var content = new ByteArrayOutputStream(declared > 0 ? (int) declared : CHUNK);
        long read = 0;
        try (InputStream in = event.getInputStream()) {
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = in.read(chunk, 0, CHUNK)) >= 0) {
                read += n;
                if (read > maxBytes) {
                    // Stop here: the rest of the body is never read (the server closes the connection).
                    refuse(event, fileName, read, "it is larger than that");
                    return;
                }
                content.write(chunk, 0, n);
            }
        }
        record(acceptedBytes, read);
        byte[] bytes = content.toByteArray();
        UiLogContext.access(event.getUI(), () -> accepted.accept(fileName, bytes));
    }

    private void refuse(UploadEvent event, String fileName, long read, String why) {
        record(refusedBytes, read);
        log.info("Library upload {} refused after reading {} bytes: over the {}-byte limit", fileName, read,
                maxBytes);
        String message = fileName + " was not read: a library file may have at most " + allowed + " ("
                + maxBytes + " bytes), and " + why + ". Upload a smaller Markdown file.";
        event.reject(message);
        UiLogContext.access(event.getUI(), () -> refused.accept(fileName, message));
    }

    /** The summaries are not serialisable: after a session was restored from disk they are gone. */
    private static void record(@Nullable DistributionSummary summary, long bytes) {
        if (summary != null) {
            summary.record(bytes);
        }
    }

    private static DistributionSummary summary(MeterRegistry metrics, String outcome) {
        return DistributionSummary.builder(METRIC)
                .description("Bytes read from library uploads")
                .baseUnit("bytes")
                .tag("outcome", outcome)
                .register(metrics);
    }
}
