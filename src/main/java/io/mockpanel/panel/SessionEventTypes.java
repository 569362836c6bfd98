package io.mockpanel.panel;

import io.mockpanel.panel.SessionEvents.CandidateVisible;
import io.mockpanel.panel.SessionEvents.Payload;
import io.mockpanel.panel.SessionEvents.Unrecognised;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored names of the {@link SessionEvents} records, read once from their {@code TYPE}
 * constants: which record a name in {@code session_event.type} stands for, and back.
 */
@org.springframework.modulith.NamedInterface("api")
public final class SessionEventTypes {

    private static final Map<String, Class<? extends Payload>> BY_TYPE;
    private static final Map<Class<?>, String> TYPE_OF;

    static {
        Map<String, Class<? extends Payload>> byType = new HashMap<>();
        Map<Class<?>, String> typeOf = new HashMap<>();
        for (Class<?> audience : Payload.class.getPermittedSubclasses()) {
            for (Class<?> kind : audience.getPermittedSubclasses()) {
                if (kind == Unrecognised.class) {
                    continue;
                }
                String type = storedName(kind);
                if (byType.put(type, kind.asSubclass(Payload.class)) != null) {
                    throw new IllegalStateException("two session events are named " + type);
                }
                typeOf.put(kind, type);
            }
        }
        BY_TYPE = Collections.unmodifiableMap(byType);
        TYPE_OF = Collections.unmodifiableMap(typeOf);
    }

    private SessionEventTypes() {
    }

    private static String storedName(Class<?> kind) {
        try {
            return (String) kind.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(kind.getSimpleName() + " needs a public TYPE constant", e);
        }
    }

    /** The stored name of a kind of event. */
    public static String typeOf(Class<? extends Payload> kind) {
        String type = TYPE_OF.get(kind);
        if (type == null) {
            throw new IllegalArgumentException(kind.getSimpleName() + " is not stored in the log");
        }
        return type;
    }

    /** The record of a stored name, if this node knows it. */
    public static Optional<Class<? extends Payload>> kindOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Whether an event of this stored name wakes the candidate's room. */
    public static boolean candidateMaySee(String type) {
        return kindOf(type).map(CandidateVisible.class::isAssignableFrom).orElse(false);
    }

    /** Every stored name this node knows. */
    public static Set<String> types() {
        return BY_TYPE.keySet();
    }
}
