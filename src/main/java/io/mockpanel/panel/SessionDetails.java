package io.mockpanel.panel;

import io.mockpanel.scenario.ScenarioContent;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whole session: its people and its agenda (the snapshot taken when it was set up), and as of
 * when it was read, its planned start and its call link (null when there is none).
 */
@org.springframework.modulith.NamedInterface("api")
public record SessionDetails(long id, String title, String candidateName, @Nullable String candidateEmail,
        SessionState state, String leadUsername, List<SessionMember> members, List<ScenarioContent> agenda,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
        @Nullable SessionSchedule schedule, @Nullable MeetingLink meetingLink) {

    public SessionDetails {
        members = List.copyOf(members);
        agenda = List.copyOf(agenda);
    }
}
