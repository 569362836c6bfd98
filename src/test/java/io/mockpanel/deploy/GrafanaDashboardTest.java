package io.mockpanel.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PrometheusScrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard in deploy/ draws what the app exports (decision 0042): every series its
 * queries name is in a real scrape, every mockpanel meter of the scrape has a panel, and every
 * panel reads the dashboard's data source variable. A renamed meter fails here, not on a wall.
 */
@IntegrationTest
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("deploy/grafana/mockpanel-dashboard.json");
    private static final Pattern SERIES = Pattern.compile("\\bmockpanel_[a-z_]+");
    private static final Pattern FAMILY = Pattern.compile("(?m)^# TYPE (mockpanel_[a-z_]+) ");

    @LocalServerPort
    int port;

    @Test
    void every_query_names_exported_series_and_every_meter_has_a_panel() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asString().equals("row")) {
                continue;
            }
            assertThat(panel.get("datasource").get("uid").asString()).as(panel.get("title").asString())
                    .isEqualTo("${datasource}");
            assertThat(panel.get("targets").size()).as(panel.get("title").asString()).isPositive();
            panel.get("targets").forEach(target -> queries.add(target.get("expr").asString()));
        }
        assertThat(dashboard.get("templating").get("list").findValuesAsString("name")).contains("datasource");

        String scrape = PrometheusScrape.of(port).text();
        Set<String> named = new TreeSet<>();
        queries.forEach(query -> SERIES.matcher(query).results().forEach(m -> named.add(m.group())));
        for (String series : named) {
            assertThat(scrape).as("the dashboard's %s in a scrape", series)
                    .containsPattern("(?m)^" + series + "[{ ]");
        }
        Matcher families = FAMILY.matcher(scrape);
        while (families.find()) {
            String family = families.group(1);
            if (family.endsWith("_seconds_max")) {
                continue; // a timer's recent maximum: its histogram has the panel
            }
            assertThat(named).as("a panel for %s", family).anyMatch(series -> series.startsWith(family));
        }
        // The "slower than 1 s" panel reads the 1 s bucket by its exact label.
        assertThat(scrape).contains("mockpanel_push_latency_seconds_bucket{screen=\"room\",le=\"1.0\"}");
        assertThat(String.join("\n", queries)).contains("le=\"1.0\"");
    }
}
