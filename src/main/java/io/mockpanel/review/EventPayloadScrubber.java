package io.mockpanel.review;

import io.mockpanel.panel.SessionEvents;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Takes a person's names and addresses out of one session's event payloads, for {@link Anonymiser}:
 * the one place where the append-only event log is rewritten.
 */
@Component
class EventPayloadScrubber {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventPayloadScrubber(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The one exception to the append-only event log (decision 0030): payloads that carry the
     * person's name (joining, clarification requests, the title at creation, and any other string
     * that contains a name or address) are rewritten in place, and the video call's link (often the
     * person's own meeting room) is removed from its events. Sequence numbers, types and times stay.
     */
    int scrub(long sessionId, CandidateIdentity identity, String label) {
        var sql = new StringBuilder("select seq, type, payload::text as payload from session_event "
                + "where session_id = ? and (type in (?, ?, ?, ?)");
        List<Object> params = new ArrayList<>(List.of(sessionId, SessionEvents.CandidateJoined.TYPE,
                SessionEvents.ClarificationRequested.TYPE, SessionEvents.SessionCreated.TYPE,
                SessionEvents.MeetingLinkChanged.TYPE));
        for (String needle : identity.needles()) {
            sql.append(" or strpos(lower(payload::text), ?) > 0");
            params.add(needle);
        }
        sql.append(")");
        record Row(long seq, String type, String payload) {
        }
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong("seq"), rs.getString("type"), rs.getString("payload"))).list();
        int changed = 0;
        for (Row row : rows) {
            JsonNode payload = json.readTree(row.payload());
            if (payload instanceof ObjectNode object) {
                if (row.type().equals(SessionEvents.CandidateJoined.TYPE) && object.has("name")) {
                    object.put("name", label);
                } else if (row.type().equals(SessionEvents.ClarificationRequested.TYPE) && object.has("candidate")) {
                    object.put("candidate", label);
                } else if (row.type().equals(SessionEvents.SessionCreated.TYPE) && object.path("title").isString()) {
                    object.put("title", identity.inTitle(object.get("title").stringValue(), label));
                } else if (row.type().equals(SessionEvents.MeetingLinkChanged.TYPE) && object.path("url").isString()) {
                    object.putNull("url");
                }
            }
            JsonNode scrubbed = inStrings(payload, identity, label);
            String text = json.writeValueAsString(scrubbed);
            if (!json.readTree(text).equals(json.readTree(row.payload()))) {
                jdbc.sql("update session_event set payload = cast(? as jsonb) where session_id = ? and seq = ?")
                        .params(text, sessionId, row.seq()).update();
                changed++;
            }
        }
        return changed;
    }

    /** Every string in the tree with the person's whole names and addresses replaced by 'label'. */
    private static JsonNode inStrings(JsonNode node, CandidateIdentity identity, String label) {
        if (node instanceof ObjectNode object) {
            for (var property : List.copyOf(object.properties())) {
                object.replace(property.getKey(), inStrings(property.getValue(), identity, label));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, inStrings(array.get(i), identity, label));
            }
            return array;
        }
        if (node.isString()) {
            String text = node.stringValue();
            String scrubbed = identity.inText(text, label);
            return scrubbed.equals(text) ? node : StringNode.valueOf(scrubbed);
        }
        return node;
    }
}
