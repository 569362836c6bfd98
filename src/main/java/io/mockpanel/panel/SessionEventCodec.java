package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.Payload;
import io.mockpanel.panel.SessionEvents.Unrecognised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of the {@link SessionEvents} records as {@code session_event.payload} stores it. */
final class SessionEventCodec {

    private static final Logger log = LoggerFactory.getLogger(SessionEventCodec.class);

    /**
     * The payloads' own mapper, not the application's: the stored format must not change when the
     * application's JSON settings do.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SessionEventCodec() {
    }

    static String encode(Payload payload) {
        if (payload instanceof Unrecognised) {
            throw new IllegalArgumentException("an unrecognised event is never written");
        }
        return JSON.writeValueAsString(payload);
    }

    /** The payload of a stored event; {@link Unrecognised} when this node cannot read it. */
    static Payload decode(String type, String json) {
        Class<? extends Payload> kind = SessionEventTypes.kindOf(type).orElse(null);
        if (kind == null) {
            return new Unrecognised(type, json);
        }
        try {
            return JSON.readValue(json, kind);
        } catch (JacksonException e) {
            // Where it broke, not the parser's message: that quotes the payload's values (a name).
            log.warn("Session event {} has a payload that does not read ({} at {})", type,
                    e.getClass().getSimpleName(), e.getPathReference());
            return new Unrecognised(type, json);
        }
    }
}
