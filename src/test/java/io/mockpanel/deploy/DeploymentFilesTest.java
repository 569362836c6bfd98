package io.mockpanel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.Subscription;
import io.mockpanel.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment files (decision 0034) against the app they deploy: every health path a proxy or
 * Kubernetes probes answers UP on the running app, every environment variable they set is a
 * property the app binds, and every proxy keeps a browser on one node with a cookie and keeps a
 * quiet push WebSocket open. A renamed property, endpoint or cookie breaks this test, not a
 * deployment.
 */
@IntegrationTest
class DeploymentFilesTest {

    private static final Path SINGLE = Path.of("docker-compose.yml");
    private static final Path MULTI = Path.of("docker-compose.multinode.yml");
    private static final Path KUBERNETES = Path.of("deploy/kubernetes/mockpanel.yaml");
    private static final Path SECRET = Path.of("deploy/kubernetes/secret.example.yaml");
    private static final Path HAPROXY_COMPOSE = Path.of("deploy/haproxy/compose.cfg");
    private static final Path HAPROXY_LOCAL = Path.of("deploy/haproxy/local-two-nodes.cfg");
    private static final String STICKY_COOKIE = "MOCKPANEL_NODE";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    SessionEventBus bus;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_health_path_probed_by_a_proxy_or_kubernetes_answers_up_and_readiness_includes_the_listener()
            throws Exception {
        Map<String, String> probes = new LinkedHashMap<>();
        Map<String, Object> container = container();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            probes.put("kubernetes " + probe, (String) map(map(container.get(probe)).get("httpGet")).get("path"));
        }
        for (Path haproxy : List.of(HAPROXY_COMPOSE, HAPROXY_LOCAL)) {
            probes.put(haproxy.toString(), healthCheckUri(haproxy));
        }
        assertThat(probes.get("kubernetes readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(probes.get(HAPROXY_COMPOSE.toString())).isEqualTo("/actuator/health/readiness");
        assertThat(probes.get(HAPROXY_LOCAL.toString())).isEqualTo("/actuator/health/readiness");
        assertThat(probes.get("kubernetes livenessProbe")).isEqualTo("/actuator/health/liveness");

        HttpClient http = HttpClient.newHttpClient();
        for (var probe : probes.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + probe.getValue())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(probe.getKey() + " " + probe.getValue()).isEqualTo(200);
            assertThat(response.body()).as(probe.getKey()).contains("\"status\":\"UP\"");
        }
        String readiness = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(readiness).as("a node that hears no hints must not be ready").contains("\"sessionListener\"");
    }

    @Test
    void every_environment_variable_the_deployments_set_is_a_property_the_app_binds() throws Exception {
        Set<String> names = new TreeSet<>();
        names.addAll(appEnvironment(SINGLE).keySet());
        names.addAll(appEnvironment(MULTI).keySet());
        for (Object variable : list(container().get("env"))) {
            names.add((String) map(variable).get("name"));
        }
        names.addAll(stringMap(first(SECRET).get("stringData")).keySet());
        Set<String> known = knownProperties();

        List<String> unbound = new ArrayList<>();
        for (String name : names) {
            // Spring Boot's own mapping of environment variables to properties, as binding uses it.
            var environment = ConfigurationPropertySource.from(
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of(name, "value")));
            if (known.stream().filter(ConfigurationPropertyName::isValid).map(ConfigurationPropertyName::of)
                    .noneMatch(property -> environment.getConfigurationProperty(property) != null)) {
                unbound.add(name);
            }
        }
        assertThat(unbound).as("variables that no property of the app reads").isEmpty();
        assertThat(names).contains("SPRING_DATASOURCE_URL", "MOCKPANEL_ADMIN_PASSWORD", "MOCKPANEL_PUBLIC_URL");
        assertThat(appEnvironment(MULTI).keySet()).as("the multi-node file sets what the single-node one sets")
                .containsAll(appEnvironment(SINGLE).keySet());
        assertThat(stringMap(first(SECRET).get("stringData")).keySet())
                .contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                        "MOCKPANEL_ADMIN_USERNAME", "MOCKPANEL_ADMIN_PASSWORD");
    }

    @Test
    void the_documented_connection_budget_is_the_pool_the_app_opens_plus_one_listener() throws Exception {
        // Not set in application.properties: Hikari's default, which the deployments write down.
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(10);
        String poolSize = list(container().get("env")).stream()
                .map(DeploymentFilesTest::map).filter(v -> "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE".equals(v.get("name")))
                .map(v -> (String) v.get("value")).findFirst().orElseThrow();
        assertThat(poolSize).isEqualTo("10");
        assertThat(String.valueOf(appEnvironment(MULTI).get("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE")))
                .isEqualTo("${MOCKPANEL_POOL_SIZE:-10}");
    }

    @Test
    void a_node_listens_on_one_connection_however_many_screens_follow_how_many_sessions() {
        Integer listener = bus.listenerStatus().backendPid();
        assertThat(listener).as("this node listens").isNotNull();
        long before = listenerConnections();
        List<Subscription> screens = new ArrayList<>();
        for (long session = 1; session <= 40; session++) {
            for (int screen = 0; screen < 5; screen++) {
                screens.add(bus.subscribe(Long.MAX_VALUE - session, hint -> { }));
            }
        }
        try {
            assertThat(listenerConnections()).as("200 screens on 40 sessions").isEqualTo(before);
            assertThat(bus.listenerStatus().backendPid()).isEqualTo(listener);
            assertThat(jdbc.sql("select count(*) from pg_stat_activity where pid = ? and application_name = ?")
                    .params(listener, "mockpanel-session-listener").query(Long.class).single()).isEqualTo(1);
        } finally {
            screens.forEach(Subscription::remove);
        }
    }

    @Test
    void every_proxy_keeps_a_browser_on_one_node_by_cookie_and_keeps_push_open() throws IOException {
        for (Path haproxy : List.of(HAPROXY_COMPOSE, HAPROXY_LOCAL)) {
            List<String> lines = haproxyLines(haproxy);
            String cookie = lines.stream().filter(l -> l.startsWith("cookie ")).findFirst().orElse("");
            assertThat(cookie).as(haproxy + ": an inserted cookie").startsWith("cookie " + STICKY_COOKIE + " insert");
            boolean dynamic = cookie.contains(" dynamic");
            List<String> servers = lines.stream().filter(l -> l.startsWith("server ") || l.startsWith("server-template "))
                    .toList();
            assertThat(servers).as(haproxy + ": servers").isNotEmpty();
            for (String server : servers) {
                assertThat(server).as(haproxy + ": health-checked").contains(" check");
                if (!dynamic) {
                    assertThat(server).as(haproxy + ": a cookie value per server").containsPattern(" cookie \\S+");
                }
            }
            if (dynamic) {
                assertThat(lines).as(haproxy.toString()).anyMatch(l -> l.startsWith("dynamic-cookie-key "));
            }
            assertThat(lines).as(haproxy.toString()).anyMatch(l -> l.startsWith("timeout tunnel "));
            assertThat(lines).as(haproxy + ": the client's own X-Forwarded-For is dropped, then set")
                    .containsSubsequence("http-request del-header X-Forwarded-For", "option forwardfor");
            assertThat(lines).as(haproxy.toString()).anyMatch(l -> l.startsWith("http-request set-header X-Forwarded-Proto"));
            // without the port, Tomcat takes 80 for a forwarded http request and every redirect
            // (to the sign-in page) leaves a proxy on another port (found by TwoNodesBenchmark)
            assertThat(lines).as(haproxy + ": the proxy's port is forwarded")
                    .containsSubsequence("http-request del-header X-Forwarded-Port",
                            "http-request set-header X-Forwarded-Port %[dst_port]");
        }
        // The compose proxy reaches the replicas by service name and port; they publish no port of their own.
        Map<String, Object> services = map(first(MULTI).get("services"));
        assertThat(haproxyLines(HAPROXY_COMPOSE)).anyMatch(l -> l.startsWith("server-template app ")
                && l.contains(" app:8080 "));
        assertThat(map(services.get("app"))).doesNotContainKey("ports");
        assertThat(list(map(services.get("proxy")).get("volumes")))
                .contains("./deploy/haproxy/compose.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");

        Map<String, Object> ingress = document("Ingress");
        Map<String, Object> annotations = stringMap(map(ingress.get("metadata")).get("annotations"));
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/session-cookie-name", STICKY_COOKIE)
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600");
    }

    @Test
    void the_kubernetes_objects_point_at_each_other() {
        Map<String, Object> deployment = document("Deployment");
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        Object podLabels = map(map(spec.get("template")).get("metadata")).get("labels");
        assertThat(map(spec.get("selector")).get("matchLabels")).isEqualTo(podLabels);
        Map<String, Object> service = document("Service");
        assertThat(map(service.get("spec")).get("selector")).isEqualTo(podLabels);
        Map<String, Object> servicePort = map(list(map(service.get("spec")).get("ports")).getFirst());
        Map<String, Object> containerPort = map(list(container().get("ports")).getFirst());
        assertThat(servicePort.get("targetPort")).isEqualTo(containerPort.get("name"));
        assertThat(containerPort.get("containerPort")).isEqualTo(8080);
        String secret = (String) map(map(list(container().get("envFrom")).getFirst()).get("secretRef")).get("name");
        assertThat(secret).isEqualTo(map(first(SECRET).get("metadata")).get("name"));
        Map<String, Object> backend = map(map(map(list(map(map(list(map(document("Ingress").get("spec"))
                .get("rules")).getFirst()).get("http")).get("paths")).getFirst()).get("backend")).get("service"));
        assertThat(backend.get("name")).isEqualTo(map(service.get("metadata")).get("name"));
        assertThat(map(backend.get("port")).get("name")).isEqualTo(servicePort.get("name"));
    }

    private long listenerConnections() {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = 'mockpanel-session-listener'")
                .query(Long.class).single();
    }

    /** Spring Boot's documented properties and the app's own @ConfigurationProperties. */
    private Set<String> knownProperties() throws IOException {
        Set<String> known = new LinkedHashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        Enumeration<URL> metadata = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (metadata.hasMoreElements()) {
            try (InputStream in = metadata.nextElement().openStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                StreamSupport.stream(properties.spliterator(), false).forEach(p -> known.add(p.path("name").asString()));
            }
        }
        for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(context).values()) {
            String prefix = bean.getAnnotation().prefix();
            addRecordProperties(prefix, bean.getInstance().getClass(), known);
        }
        return known;
    }

    /** prefix.component for each record component, and into nested records (mockpanel.admin.username). */
    private static void addRecordProperties(String prefix, Class<?> type, Set<String> known) {
        if (!type.isRecord()) {
            return;
        }
        for (var component : type.getRecordComponents()) {
            String name = prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            known.add(name);
            addRecordProperties(name, component.getType(), known);
        }
    }

    private static String healthCheckUri(Path haproxy) throws IOException {
        Matcher uri = Pattern.compile("^http-check send .*\\buri (\\S+)").matcher("");
        return haproxyLines(haproxy).stream().map(uri::reset).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError(haproxy + " has no http-check send ... uri"));
    }

    private static List<String> haproxyLines(Path haproxy) throws IOException {
        return Files.readAllLines(haproxy).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static Map<String, Object> appEnvironment(Path compose) {
        return stringMap(map(map(first(compose).get("services")).get("app")).get("environment"));
    }

    private static Map<String, Object> container() {
        Map<String, Object> pod = map(map(map(document("Deployment").get("spec")).get("template")).get("spec"));
        return map(list(pod.get("containers")).getFirst());
    }

    private static Map<String, Object> document(String kind) {
        try {
            for (Object document : new Yaml().loadAll(Files.readString(KUBERNETES))) {
                if (kind.equals(map(document).get("kind"))) {
                    return map(document);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(KUBERNETES + " has no " + kind);
    }

    private static Map<String, Object> first(Path yaml) {
        try {
            return map(new Yaml().load(Files.readString(yaml)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> stringMap(Object value) {
        return map(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
