package io.mockpanel.panel;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The candidate's own time zone (decision 0045): what their browser named when they opened their
 * room, kept on the session so that later mails to them give the time in it. A browser's word is
 * not trusted: only a known IANA region id is kept; anything else is ignored, not an error.
 */
@Component
class CandidateZones {

    /** Longer than any IANA id (the longest has 32 characters); the column's length. */
    private static final int MAX_LENGTH = 64;

    private final JdbcClient jdbc;

    CandidateZones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The zone an id names, when it is a region id Java knows ("Asia/Tokyo", "UTC"); empty for
     * blanks, offsets ("+09:00", "GMT+9": they do not follow daylight saving) and unknown ids.
     */
    static Optional<ZoneId> known(@Nullable String id) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH || !ZoneId.getAvailableZoneIds().contains(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Records the zone for the session's candidate the first time and whenever it changes; the
     * same zone again writes nothing.
     *
     * @return whether the recorded zone changed
     */
    boolean remember(long sessionId, ZoneId zone) {
        return jdbc.sql("update panel_session set candidate_zone = ? where id = ? "
                        + "and candidate_zone is distinct from ?")
                .params(zone.getId(), sessionId, zone.getId())
                .update() == 1;
    }
}
