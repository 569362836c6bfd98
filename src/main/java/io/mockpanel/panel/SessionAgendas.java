package io.mockpanel.panel;

import io.mockpanel.scenario.ScenarioContent;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session's agenda: the scenario snapshots taken when it was created. No access checks:
 * {@link PanelSessionService} and the feature's other services make them first.
 */
@Component
class SessionAgendas {

    private static final int MAX_CACHED_AGENDAS = 2_000;

    private final ConcurrentHashMap<Long, List<ScenarioContent>> agendas = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SessionAgendas(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The agenda never changes once the session exists, so each node decodes it once. */
    List<ScenarioContent> agenda(long sessionId) {
        List<ScenarioContent> cached = agendas.get(sessionId);
        if (cached != null) {
            return cached;
        }
        List<ScenarioContent> agenda = jdbc.sql("select content::text from session_scenario where session_id = ? "
                        + "order by position")
                .param(sessionId).query(String.class).list().stream()
                .map(text -> json.readValue(text, ScenarioContent.class)).toList();
        if (!agenda.isEmpty()) {
            if (agendas.size() >= MAX_CACHED_AGENDAS) {
                agendas.clear();
            }
            agendas.put(sessionId, agenda);
        }
        return agenda;
    }
}
