package io.mockpanel.support;

import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's log while a test runs, as {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} writes
 * it: Spring Boot's own structured encoder on an appender of the root logger, so every line any
 * thread logs (requests, push, hint deliveries, jobs) lands here. The suite's one shared context
 * keeps its console format; this appender is added beside it and removed on {@link #close()}.
 *
 * <pre>{@code
 * try (JsonLogCapture log = JsonLogCapture.start("ecs")) { ...; log.entries(); }
 * }</pre>
 */
public final class JsonLogCapture implements AutoCloseable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;

    private JsonLogCapture(String format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setContext(context);
        appender.setName("json-log-capture");
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    /** Starts capturing in a Spring Boot structured format: "ecs", "logstash" or "gelf". */
    public static JsonLogCapture start(String format) {
        return new JsonLogCapture(format);
    }

    /** The lines so far, exactly as written. */
    public List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
    }

    /** Every line read as one JSON object; fails naming the first line that is not one. */
    public List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines()) {
            try {
                JsonNode entry = JsonMapper.shared().readTree(line);
                if (!entry.isObject()) {
                    fail("A log line is not a JSON object: " + line);
                }
                entries.add(entry);
            } catch (JacksonException e) {
                fail("A log line is not JSON: " + line, e);
            }
        }
        return entries;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
