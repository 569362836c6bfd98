package io.mockpanel.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionState;
import io.mockpanel.review.SessionReview;
import io.mockpanel.review.CoachingNoteService;
import io.mockpanel.review.ReportService;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.review.SessionReviewService;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The review of a past session (issue 8, decision 0027): its own page, not the console frozen.
 * The summary first (who, when, time per scenario and area, prompts, recommendations, the panel's
 * verdict), then the detail: the timeline with the candidate's screen at any moment, and the
 * scores per scenario. Opening the page is one review read (and one audit row for a coach or admin
 * who did not sit on the panel); a reader who may not see the session gets the app's not-found page.
 */
@Route("sessions/:sessionId/review")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH, AppRoles.ADMIN})
class SessionReviewView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID_PARAMETER = "sessionId";

    private final SessionReviewService reviews;
    private final ReportService reports;
    private final CoachingNoteService coaching;
    private String title = "Session review";

    /** Where the lead adds the export buttons and the report button (other helpers' components). */
    final Div actions = new Div();
    @Nullable ReviewTimeline timeline;
    @Nullable Tab coachingTab;
    @Nullable VerdictPanel verdict;
    @Nullable SessionReview review;

    SessionReviewView(SessionReviewService reviews, ReportService reports, CoachingNoteService coaching) {
        this.reviews = reviews;
        this.reports = reports;
        this.coaching = coaching;
        addClassName("review-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().get(ID_PARAMETER).flatMap(SessionReviewView::parseId);
        try {
            review = id.isEmpty() ? null : reviews.review(id.get());
        } catch (AccessDeniedException e) {
            review = null;
        }
        if (review == null) {
            // The same page as for an address that does not exist: ids cannot be probed (decision 0013).
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = "Review: " + review.summary().title();
        build(review);
    }

    private void build(SessionReview review) {
        SessionReview.Summary summary = review.summary();
        var heading = new H2(summary.title());
        heading.addClassName("review-title");
        var state = Badge.of(summary.state().label(), summary.state() == SessionState.CANCELLED ? "error" : "contrast");
        state.setId("review-state");
        var titleLine = new Div(heading, state);
        titleLine.addClassName("review-title-line");
        if (summary.anonymised()) {
            titleLine.add(Badge.of("Anonymised", "contrast"));
        }
        actions.addClassName("review-actions");
        actions.setId("review-actions");
        actions.add(new ExportMenu(summary.sessionId(), reviews::export));
        if (review.reader().scored() && summary.state() == SessionState.COMPLETED
                && review.scenarios().stream().anyMatch(s -> !s.revealed())) {
            var console = new Anchor("sessions/" + summary.sessionId(), "Finish the scoring in the console");
            console.setId("open-console");
            actions.add(console);
        }
        var header = new Div(titleLine, actions);
        header.addClassName("review-header");

        var candidate = new Anchor("candidates/" + summary.candidateId(), summary.candidateName());
        candidate.setId("candidate-link");
        var panel = new Span(summary.panel().stream()
                .map(seat -> seat.displayName() + (seat.role() == SessionRole.PANELIST ? "" : " (" + seat.role().label()
                        .toLowerCase(java.util.Locale.ROOT) + ")"))
                .collect(Collectors.joining(", ")));
        panel.setId("review-panel");
        var when = new Span(when(summary));
        when.setId("review-when");
        var facts = new Div(fact("Candidate", candidate), fact("Panel", panel), fact("When", when));
        facts.addClassName("review-facts");

        verdict = new VerdictPanel(reviews, summary.sessionId(), review.verdict(), mayRecord(review), formHint(review));
        var top = new ReviewSummary(review, verdict);

        timeline = new ReviewTimeline(review, reviews);
        var details = new TabSheet();
        details.addClassName("review-details");
        details.setId("review-details");
        details.add("Timeline", timeline);
        details.add("Scores", new ReviewScores(review));

        // Coaches and admins read (and coaches write) coaching notes; the panel reads the shared ones.
        boolean coachReader = review.reader().isCoach() || review.reader().isAdmin();
        if (coachReader || review.timeline().stream().anyMatch(m -> m.kind() == MomentKind.COACHING_NOTE)) {
            var coachingNotes = new CoachingNotesPanel(summary.sessionId(), coaching);
            coachingNotes.setId("review-coaching");
            coachingTab = details.add("Coaching notes", coachingNotes);
        }

        add(header, facts, top, new ReportCard(summary.sessionId(), reports), details);
    }

    private static Div fact(String label, com.vaadin.flow.component.Component value) {
        var name = new Span(label);
        name.addClassName("review-fact-label");
        var fact = new Div(name, value);
        fact.addClassName("review-fact");
        return fact;
    }

    private static String when(SessionReview.Summary summary) {
        if (summary.startedAt() == null) {
            return "Created " + ReviewTexts.when(summary.createdAt()) + ", never started";
        }
        String text = ReviewTexts.when(summary.startedAt());
        if (summary.endedAt() != null) {
            text += " – " + ReviewTexts.time(summary.endedAt()) + " ("
                    + ReviewTexts.spent(Duration.between(summary.startedAt(), summary.endedAt())) + ")";
        } else {
            text += ", still running";
        }
        return text;
    }

    /** The lead, after the session or once every scenario was revealed (the service decides for good). */
    static boolean mayRecord(SessionReview review) {
        SessionState state = review.summary().state();
        return review.reader().seat() == SessionRole.LEAD && (state == SessionState.COMPLETED
                || state == SessionState.LIVE && review.scenarios().stream().allMatch(SessionReview.ScenarioScores::revealed));
    }

    private static String formHint(SessionReview review) {
        if (review.reader().seat() != SessionRole.LEAD || review.summary().state() == SessionState.CANCELLED) {
            return "";
        }
        return "You record the verdict after the session, or during it once every scenario's scores are revealed.";
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
