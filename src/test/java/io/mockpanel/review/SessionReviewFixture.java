package io.mockpanel.review;

import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.review.SessionReview.AreaScores;
import io.mockpanel.review.SessionReview.AreaTime;
import io.mockpanel.review.SessionReview.CandidateFeedback;
import io.mockpanel.review.SessionReview.CitedNote;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.review.SessionReview.PanelScore;
import io.mockpanel.review.SessionReview.QuestionCoverage;
import io.mockpanel.review.SessionReview.Recommendation;
import io.mockpanel.review.SessionReview.ScenarioScores;
import io.mockpanel.review.SessionReview.ScenarioTime;
import io.mockpanel.review.SessionReview.Seat;
import io.mockpanel.review.SessionReview.Summary;
import io.mockpanel.review.SessionReview.TagCount;
import io.mockpanel.review.SessionReview.Verdict;
import io.mockpanel.security.AccountRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic {@link SessionReview} values for export tests, built without a database: two
 * scenarios, three scoring panelists (lead + two), four areas each, and a timeline of any length.
 */
public final class SessionReviewFixture {

    public static final Instant STARTED = Instant.parse("2026-11-30T09:00:00Z");
    public static final String CANDIDATE = "Zoë Ångström";
    public static final String JUSTIFICATION = "Structured the incident into \u201cstabilise, communicate, "
            + "learn\u201d \u2014 named the on-call rota, the status page and the post-mortem owner.";
    public static final String CITED_NOTE = "Asked who owns the status page before anything else";

    static final List<Seat> PANEL = List.of(
            new Seat("lena", "Lena Fischer", SessionRole.LEAD),
            new Seat("omar", "Omar Haddad", SessionRole.PANELIST),
            new Seat("priya", "Priya O'Connor", SessionRole.PANELIST),
            new Seat("coach.kim", "Kim Sørensen", SessionRole.OBSERVER));

    private static final String[][] AREAS = {
        {"Problem framing", "Stakeholder communication", "Technical judgement", "Reflection"},
        {"Prioritisation", "Trade-offs", "Data & metrics", "Influence without authority"}};

    private SessionReviewFixture() {
    }

    /** The standard review: 60 moments, as a coach sees it. */
    public static SessionReview review() {
        return review(CANDIDATE, 60);
    }

    /** The standard review, for another session id. */
    public static SessionReview review(long sessionId) {
        SessionReview r = review();
        var s = r.summary();
        return new SessionReview(r.reader(), new Summary(sessionId, s.title(), s.candidateId(), s.candidateName(),
                s.state(), s.createdAt(), s.startedAt(), s.endedAt(), s.panel(), s.promptsPushed(), s.promptsSkipped(),
                s.anonymised()), r.timeSpent(), r.recommendations(), r.verdict(), r.timeline(), r.scenarios(), r.feedback());
    }

    public static SessionReview review(String candidate, int moments) {
        Reviewer reader = new Reviewer("coach.kim", AccountRole.COACH, SessionRole.OBSERVER);
        Summary summary = new Summary(42, "Incident commander — Level 3 \uD83D\uDE80", 7, candidate,
                SessionState.COMPLETED, STARTED.minus(Duration.ofDays(2)), STARTED,
                STARTED.plus(Duration.ofMinutes(95)), PANEL, 17, 3, false);
        List<ScenarioTime> time = new ArrayList<>();
        List<Recommendation> recommendations = new ArrayList<>();
        List<ScenarioScores> scenarios = new ArrayList<>();
        String[] titles = {"Crisis Management: the 3 a.m. outage \u26A1", "Roadmap under a hiring freeze"};
        for (int s = 0; s < 2; s++) {
            List<AreaTime> areaTimes = new ArrayList<>();
            List<AreaScores> areas = new ArrayList<>();
            List<QuestionCoverage> coverage = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                areaTimes.add(new AreaTime(a, AREAS[s][a], Duration.ofSeconds(420 + 37L * a + 60L * s)));
                List<PanelScore> scores = new ArrayList<>();
                for (int p = 0; p < 3; p++) {
                    Seat seat = PANEL.get(p);
                    int score = 1 + (s + a + p * (a + 1)) % 4;
                    String justification = s == 0 && a == 0 && p == 0 ? JUSTIFICATION
                            : "Score " + score + " for " + AREAS[s][a].toLowerCase() + ": " + longText(p + a);
                    List<CitedNote> cited = s == 0 && a == 0 && p == 0
                            ? List.of(new CitedNote(1001, Duration.ofSeconds(185), CITED_NOTE),
                                    new CitedNote(1002, Duration.ofSeconds(402), "Said \"we'd roll back first\", then paused"))
                            : p == 1 ? List.of(new CitedNote(2000 + 10L * s + a, Duration.ofSeconds(300 + 60L * a),
                                    "Note by " + seat.displayName() + " on " + AREAS[s][a])) : List.of();
                    scores.add(new PanelScore(seat.username(), seat.displayName(), score, justification, cited));
                }
                areas.add(new AreaScores(a, AREAS[s][a], scores, 1 + (s + a) % 4,
                        a == 1 ? "Agreed after discussion, =SUM(A1) kept as typed, \"quoted\", and a comma" : "",
                        a < 3 ? 2 + a % 3 : null, a < 3 ? "I think I rushed this one" : ""));
                for (int q = 0; q < 2; q++) {
                    coverage.add(new QuestionCoverage(a, q, "How would you approach " + AREAS[s][a].toLowerCase()
                            + " (question " + (q + 1) + ")?", (a + q) % 3 != 0));
                }
            }
            time.add(new ScenarioTime(s, titles[s], Duration.ofMinutes(38 + 7L * s), areaTimes));
            for (int p = 0; p < 3; p++) {
                recommendations.add(new Recommendation(s, PANEL.get(p).username(), PANEL.get(p).displayName(),
                        p == 2 && s == 1 ? null : 2 + (s + p) % 3, p == 2 && s == 1 ? "" : "Would hire at level 3 with coaching on metrics.",
                        !(p == 2 && s == 1)));
            }
            scenarios.add(new ScenarioScores(s, titles[s], true, areas, coverage,
                    List.of(new TagCount("TOO_VAGUE", "Too vague", 3 - s), new TagCount("STRONG_EXAMPLE", "Strong example", 4 + s),
                            new TagCount("RAMBLING", "Rambling", s))));
        }
        Verdict verdict = new Verdict(3, "Strong incident handling; develop metrics.", "lena",
                STARTED.plus(Duration.ofMinutes(100)));
        return new SessionReview(reader, summary, time, recommendations, verdict, timeline(moments), scenarios,
                new CandidateFeedback(4, "Tough but fair — thanks! \uD83D\uDE4F", STARTED.plus(Duration.ofHours(3))));
    }

    /** n moments, one every 19 seconds, cycling through every kind a coach may see. */
    static List<Moment> timeline(int n) {
        MomentKind[] kinds = MomentKind.values();
        List<Moment> moments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MomentKind kind = i == 0 ? MomentKind.STARTED : i == n - 1 ? MomentKind.ENDED : kinds[1 + i % (kinds.length - 1)];
            if (kind == MomentKind.STARTED && i > 0 || kind == MomentKind.ENDED && i < n - 1) {
                kind = MomentKind.NOTE;
            }
            Seat who = PANEL.get(i % PANEL.size());
            String text = switch (kind) {
                case PROMPT -> "Pushed Q" + (i % 4 + 1);
                case NOTE -> "Moment " + i + ": " + longText(i % 3);
                case TAG -> "Too vague";
                default -> kind.name().toLowerCase().replace('_', ' ') + " #" + i;
            };
            moments.add(new Moment(i + 1, Duration.ofSeconds(19L * i), kind, who.displayName(), text,
                    kind == MomentKind.PROMPT ? PromptRef.question(i % 2, i % 4, 0) : i == 0 ? PromptRef.of(0, PromptKind.OVERVIEW) : null));
        }
        return moments;
    }

    private static String longText(int variant) {
        return switch (variant % 3) {
            case 0 -> "clear structure, checked assumptions with the panel, and closed with a summary of the risks.";
            case 1 -> "took six minutes before naming a result; the answer improved once prompted for numbers, "
                    + "but the trade-off between speed and safety was never made explicit, which matters at this level "
                    + "because the role owns that call.";
            default -> "good.";
        };
    }
}
