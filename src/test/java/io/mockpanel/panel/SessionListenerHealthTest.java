package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code /actuator/health} says about the session event listener: a component everyone sees
 * (details only for admins), part of readiness and not of liveness. The listener's loss is
 * reported to the bus here as the listener itself reports it; the real faults are in
 * {@link SilentListenerConnectionTest} and the PostgreSQL restart test.
 */
@IntegrationTest
class SessionListenerHealthTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SessionEventBus bus;

    @Test
    void readiness_is_out_of_service_while_the_listener_is_lost_and_liveness_stays_up() throws Exception {
        ListenerStatus connected = bus.listenerStatus();
        assertThat(connected.listening()).isTrue();
        assertThat(get("health/readiness").code()).isEqualTo(200);
        JsonNode all = get("health").json();
        assertThat(all.path("components").path("sessionListener").path("status").asString()).isEqualTo("UP");
        assertThat(all.path("components").path("sessionListener").has("details"))
                .as("details are for admins only").isFalse();

        bus.listenerLost("connection refused", Instant.now());
        try {
            Answer readiness = get("health/readiness");
            assertThat(readiness.code()).isEqualTo(503);
            assertThat(readiness.json().path("status").asString()).isEqualTo("OUT_OF_SERVICE");
            assertThat(readiness.json().path("components").path("sessionListener").path("status").asString())
                    .isEqualTo("OUT_OF_SERVICE");
            Answer liveness = get("health/liveness");
            assertThat(liveness.code()).isEqualTo(200);
            assertThat(liveness.json().path("components").has("sessionListener")).isFalse();
            assertThat(get("health").json().path("components").path("sessionListener").path("status").asString())
                    .isEqualTo("OUT_OF_SERVICE");
        } finally {
            bus.listenerConnected(connected.backendPid(), Instant.now());
        }

        assertThat(get("health/readiness").code()).isEqualTo(200);
        assertThat(get("health/readiness").json().path("components").path("sessionListener").path("status")
                .asString()).isEqualTo("UP");
    }

    private Answer get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/" + path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private record Answer(int code, String body) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }
    }
}
