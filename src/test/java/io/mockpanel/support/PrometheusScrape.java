package io.mockpanel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * One read of {@code /actuator/prometheus} with the test profile's scrape token, and the values of
 * its series: {@code value("mockpanel_push_latency_seconds_count", "screen", "room")}.
 */
public final class PrometheusScrape {

    /** The token the test profile configures (application-test.properties). */
    public static final String TOKEN = "test-scrape-token-0123456789abcdef";

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    public static PrometheusScrape of(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + TOKEN).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("scrape of /actuator/prometheus").isEqualTo(200);
            return new PrometheusScrape(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return text;
    }

    /**
     * The value of the one series of {@code name} whose labels include these name/value pairs;
     * fails when there is none.
     */
    public double value(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> hasLabels(line, labels))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " " + Arrays.toString(labels)
                        + " in the scrape"));
    }

    private static boolean hasLabels(String line, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}
