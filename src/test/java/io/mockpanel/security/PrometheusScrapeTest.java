package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} answers only a scraper with the configured token (decision 0042;
 * the test profile sets one): nobody else reads how many panels run, not even by guessing.
 */
@IntegrationTest
class PrometheusScrapeTest {

    static final String TOKEN = io.mockpanel.support.PrometheusScrape.TOKEN;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_scrape_without_a_token_is_refused() throws Exception {
        HttpResponse<String> response = scrape(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain("mockpanel_");
    }

    @Test
    void a_scrape_with_a_wrong_or_malformed_token_is_refused() throws Exception {
        assertThat(scrape("Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer " + TOKEN.substring(1)).statusCode()).isEqualTo(401);
        assertThat(scrape(TOKEN).statusCode()).isEqualTo(401);
        assertThat(scrape("Basic " + TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void a_scrape_with_the_token_reads_the_app_meters_in_prometheus_text() throws Exception {
        HttpResponse<String> response = scrape("Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(
                "# TYPE mockpanel_sessions_live gauge",
                "mockpanel_screens_open{",
                "mockpanel_session_events_total{",
                "mockpanel_push_latency_seconds_bucket{",
                "mockpanel_note_save_seconds_bucket{",
                "mockpanel_listener_lag_seconds_bucket{",
                "mockpanel_listener_reconnects_total",
                "mockpanel_listener_listening 1",
                "mockpanel_invite_joins_refused_total{reason=\"in_use_elsewhere\"}",
                "mockpanel_signin_throttled_total",
                "mockpanel_mail_outbox{state=\"queued\"}",
                "mockpanel_rate_limited_total{limit=\"join\"}",
                "jvm_memory_used_bytes");
        // no session, person or token is ever a label
        assertThat(response.body()).doesNotContainPattern("session(_id)?=\"\\d+\"").doesNotContain(TOKEN);
    }

    @Test
    void the_other_actuator_endpoints_stay_closed_and_health_stays_open() throws Exception {
        HttpResponse<String> metrics = get("/actuator/metrics", "Bearer " + TOKEN);
        assertThat(metrics.statusCode()).isNotEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        return get("/actuator/prometheus", authorization);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
