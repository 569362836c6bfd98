package io.mockpanel.review;

import static io.mockpanel.support.TestUsers.as;

import io.mockpanel.panel.CandidateRoomService;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.RateLimitedException;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ConsensusInput;
import io.mockpanel.scoring.ScoreSheet;
import io.mockpanel.scoring.ScoreSheetInput;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.NewAccount;
import io.mockpanel.security.Unique;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A typical one-hour panel driven through the real services, as the event table sees one: four
 * scenarios, 20 prompts pushed with their timers, a lead and two panelists writing 36 notes with
 * autosave (created, typed on, announced about every ten seconds, committed), quick tags, covered
 * questions, two clarification requests, presence changes, every scenario's sheets drafted,
 * submitted, revealed and agreed, then the end and a verdict.
 *
 * <p>Typing saves are announced by the wall clock (decision 0022); a test runs in milliseconds,
 * so each "ten seconds of typing" is one typing save followed by a commit, which writes the same
 * NOTE_SAVED row the real announcement would.
 */
@Component
public class RealisticPanel {

    static final int SCENARIOS = 4;
    static final int PROMPTS_PER_SCENARIO = 5;
    static final int NOTES_PER_WRITER_AND_SCENARIO = 3;

    /** The panel's people and the session. */
    public record Held(long sessionId, String lead, List<String> writers, String coach, String candidate) {
    }

    private final AccountService accounts;
    private final ScenarioService scenarios;
    private final PanelSessionService sessions;
    private final LiveControlService control;
    private final NoteService notes;
    private final ScoringService scoring;
    private final PresenceService presence;
    private final CandidateRoomService room;
    private final SessionReviewService review;
    private final TestPanel panels;

    RealisticPanel(AccountService accounts, ScenarioService scenarios, PanelSessionService sessions,
            LiveControlService control, NoteService notes, ScoringService scoring, PresenceService presence,
            CandidateRoomService room, SessionReviewService review, TestPanel panels) {
        this.accounts = accounts;
        this.scenarios = scenarios;
        this.sessions = sessions;
        this.control = control;
        this.notes = notes;
        this.scoring = scoring;
        this.presence = presence;
        this.room = room;
        this.review = review;
        this.panels = panels;
    }

    /** A whole panel, from creation to the verdict; leaves nobody signed in. */
    public Held finished(String candidateName) {
        String suffix = Unique.suffix();
        String lead = "rl-lead-" + suffix;
        String second = "rl-pan-" + suffix;
        String third = "rl-pan2-" + suffix;
        String coach = "rl-coach-" + suffix;
        TestUsers.as("fixture-admin", "ADMIN", () -> {
            accounts.createAccount(new NewAccount(lead, "Rhea Lead", AccountRole.INTERVIEWER, TestPanel.PASSWORD));
            accounts.createAccount(new NewAccount(second, "Sol Panelist", AccountRole.INTERVIEWER, TestPanel.PASSWORD));
            accounts.createAccount(new NewAccount(third, "Tova Panelist", AccountRole.INTERVIEWER, TestPanel.PASSWORD));
            accounts.createAccount(new NewAccount(coach, "Uma Coach", AccountRole.COACH, TestPanel.PASSWORD));
        });
        List<String> writers = List.of(lead, second, third);
        long id = as(lead, "INTERVIEWER", () -> {
            List<Long> agenda = scenarios.search(ScenarioFilter.ALL).stream().limit(SCENARIOS)
                    .map(ScenarioSummary::id).toList();
            return sessions.create(new NewSession("Realistic panel " + suffix, candidateName,
                    "rl-" + suffix + "@example.org", agenda, List.of(second, third), List.of(coach)));
        });
        var candidate = panels.join(new TestPanel.Panel(id, lead, second, lead, coach), candidateName);

        // Everyone opens their screen; the coach's laptop sleeps once and comes back.
        List<Runnable> leaving = new ArrayList<>();
        for (String writer : writers) {
            UUID screen = as(writer, "INTERVIEWER", () -> presence.enter(id));
            leaving.add(() -> as(writer, "INTERVIEWER", () -> presence.leave(id, screen)));
        }
        UUID coachScreen = as(coach, "COACH", () -> presence.enter(id));
        as(coach, "COACH", () -> presence.leave(id, coachScreen));
        UUID coachAgain = as(coach, "COACH", () -> presence.enter(id));
        leaving.add(() -> as(coach, "COACH", () -> presence.leave(id, coachAgain)));
        TestPanel.signInCandidate(candidate.principal());
        UUID candidateScreen = presence.enter(id);
        TestUsers.signOut();

        as(lead, "INTERVIEWER", () -> sessions.start(id));
        for (int s = 0; s < SCENARIOS; s++) {
            int scenario = s;
            var content = as(lead, "INTERVIEWER", () -> sessions.find(id).agenda().get(scenario));
            int areas = content.discussionAreas().size();
            as(lead, "INTERVIEWER", () -> {
                control.push(id, PromptRef.of(scenario, PromptKind.OVERVIEW));
                control.startTimer(id, scenario);
            });
            for (int p = 1; p < PROMPTS_PER_SCENARIO; p++) {
                int area = (p - 1) % areas;
                int question = (p - 1) / areas;
                PromptRef ref = PromptRef.question(scenario, area, question);
                as(lead, "INTERVIEWER", () -> control.push(id, ref));
                if (p % 2 == 0) {
                    as(lead, "INTERVIEWER", () -> control.markCovered(id, ref, true));
                }
            }
            if (scenario == 1) {
                as(lead, "INTERVIEWER", () -> control.extendTimer(id, scenario, 5));
                TestPanel.signInCandidate(candidate.principal());
                room.requestClarification();
                room.requestClarification();
                TestUsers.signOut();
            }
            for (String writer : writers) {
                for (int n = 0; n < NOTES_PER_WRITER_AND_SCENARIO; n++) {
                    writeNote(id, writer, "Scenario " + (scenario + 1) + ", note " + (n + 1) + " by " + writer
                            + ": named the trade-off between speed and the on-call load", n == 2 && writer.equals(third));
                }
                as(writer, "INTERVIEWER", () -> {
                    notes.addTag(id, QuickTag.STAR_SITUATION);
                    notes.addTag(id, scenario % 2 == 0 ? QuickTag.STAR_ACTION : QuickTag.TOO_VAGUE);
                });
            }
            as(lead, "INTERVIEWER", () -> control.pauseTimer(id, scenario));
            score(id, scenario, areas, writers);
        }
        as(lead, "INTERVIEWER", () -> sessions.end(id));
        leaving.forEach(Runnable::run);
        TestPanel.signInCandidate(candidate.principal());
        presence.leave(id, candidateScreen);
        TestUsers.signOut();
        as(lead, "INTERVIEWER", () -> review.recordVerdict(id,
                new VerdictInput(3, "Strong on incidents; develop metrics.", null)));
        return new Held(id, lead, writers, coach, candidateName);
    }

    /** A note as autosave writes it: created, typed on for about 30 s (three announcements), committed. */
    private void writeNote(long id, String writer, String text, boolean isPrivate) {
        as(writer, "INTERVIEWER", () -> {
            Note note = paced(() -> notes.saveNote(id, null, 0, text.substring(0, 20), isPrivate));
            for (int round = 1; round <= 3; round++) {
                String typed = text.substring(0, Math.min(text.length(), 20 + round * 25));
                Note current = note;
                note = paced(() -> notes.save(id, current.id(), current.version(), typed, isPrivate,
                        NoteService.SaveKind.TYPING).note());
                notes.commitNote(id, note.id());
            }
        });
    }

    /** Each scorer drafts twice (autosave), submits; the lead reveals and records a consensus per area. */
    private void score(long id, int scenario, int areas, List<String> writers) {
        for (int w = 0; w < writers.size(); w++) {
            int score = 1 + (scenario + w) % 4;
            as(writers.get(w), "INTERVIEWER", () -> {
                ScoreSheet draft = scoring.saveDraft(id, sheet(scenario, 1, areas, score, null, 0));
                draft = scoring.saveDraft(id, sheet(scenario, areas, areas, score, null, draft.version()));
                scoring.submit(id, sheet(scenario, areas, areas, score, score, draft.version()));
            });
        }
        as(writers.get(0), "INTERVIEWER", () -> {
            scoring.reveal(id, scenario);
            for (int area = 0; area < areas; area++) {
                scoring.recordConsensus(id, new ConsensusInput(scenario, area, 3, "Agreed on 3 after discussion", 0));
            }
        });
    }

    private static ScoreSheetInput sheet(int scenario, int written, int areas, int score, Integer recommendation,
            long version) {
        List<AreaScore> scores = new ArrayList<>();
        for (int area = 0; area < Math.min(written, areas); area++) {
            scores.add(AreaScore.of(area, score, "Evidence for area " + area + ": the 12:30 answer named owners"));
        }
        return new ScoreSheetInput(scenario, scores, recommendation,
                recommendation == null ? "" : "Overall " + recommendation + ": hire with coaching", version);
    }

    /** Autosave runs at about one save a second; this test is faster than the note-save limit allows. */
    private static <T> T paced(Supplier<T> save) {
        while (true) {
            try {
                return save.get();
            } catch (RateLimitedException e) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
