package io.mockpanel.panel;

import io.mockpanel.scenario.DiscussionArea;
import io.mockpanel.scenario.ScenarioContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything a candidate's browser may receive: only what the panel pushed, of the scenario
 * pushed last. Nothing else of the agenda, and never notes, tags or scores.
 *
 * @param schedule when the session is planned to start (the waiting room shows it); null if not scheduled
 * @param call     the video call's link, shown in the waiting room and the room; null without one
 */
@org.springframework.modulith.NamedInterface("api")
public record CandidateScreen(String candidateName, SessionState state, @Nullable Scenario scenario, long lastSeq,
        @Nullable SessionSchedule schedule, @Nullable MeetingLink call) {

    /**
     * The part of the current scenario that was pushed.
     *
     * @param questions the pushed questions of the scenario, in the order pushed; the last is the newest
     */
    public record Scenario(int index, String title, String level, int durationMinutes, @Nullable String situation,
            List<String> keyChallenges, List<Question> questions, TimerState timer, Instant asOf) {

        public Scenario {
            keyChallenges = List.copyOf(keyChallenges);
            questions = List.copyOf(questions);
        }
    }

    public record Question(String area, String text) {
    }

    /**
     * The panel's mirror: the same projection, from the session the console already holds (its
     * members were checked when it opened), so a mirror update reads nothing.
     */
    public static CandidateScreen mirror(SessionDetails session, LiveSession live, Instant now) {
        return build(session.candidateName(), session.agenda(), live, now);
    }

    /**
     * What the candidate saw right after the last of {@code events} (a session's log from its first
     * event on, in order): the review replays a past moment with the same projection as the room.
     */
    public static CandidateScreen replay(String candidateName, List<ScenarioContent> agenda,
            List<SessionEvent> events) {
        var live = new LiveSession(events.isEmpty() ? 0 : events.getFirst().sessionId(),
                agenda.stream().map(ScenarioContent::durationMinutes).toList());
        live.apply(events);
        Instant at = events.isEmpty() ? Instant.EPOCH : events.getLast().at();
        return build(candidateName, agenda, live, at);
    }

    /** Projects the live state onto what the candidate may see; the panel's mirror uses the same. */
    static CandidateScreen build(String candidateName, List<ScenarioContent> agenda, LiveSession live, Instant now) {
        Optional<PromptRef> current = live.current();
        if (current.isEmpty()) {
            return new CandidateScreen(candidateName, live.state(), null, live.lastSeq(),
                    live.schedule().orElse(null), live.meetingLink().orElse(null));
        }
        int index = current.get().scenario();
        ScenarioContent content = agenda.get(index);
        boolean situation = live.wasPushed(PromptRef.of(index, PromptKind.SITUATION));
        boolean challenges = live.wasPushed(PromptRef.of(index, PromptKind.CHALLENGES));
        List<Question> questions = new ArrayList<>();
        for (LiveSession.Pushed pushed : live.pushed()) {
            PromptRef ref = pushed.ref();
            if (ref.scenario() == index && ref.kind() == PromptKind.QUESTION) {
                DiscussionArea area = content.discussionAreas().get(ref.area());
                var question = new Question(area.title(), area.questions().get(ref.question()));
                // Pushed again: it moves to the end (newest) instead of appearing twice.
                questions.remove(question);
                questions.add(question);
            }
        }
        return new CandidateScreen(candidateName, live.state(), new Scenario(index, content.title(),
                content.level(), content.durationMinutes(), situation ? content.situation() : null,
                challenges ? content.keyChallenges() : List.of(), questions, live.timer(index, now), now),
                live.lastSeq(), live.schedule().orElse(null), live.meetingLink().orElse(null));
    }
}
