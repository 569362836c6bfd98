package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.panel.SessionException;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ScoreSheet;
import io.mockpanel.scoring.ScoreSheetInput;
import io.mockpanel.scoring.ScoringBoard;
import io.mockpanel.scoring.ScoringConflictException;
import io.mockpanel.scoring.ScoringException;
import io.mockpanel.scoring.ScoringService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One scorer's own sheet for one scenario: per discussion area the four-step scale with its
 * justification beside it, the overall recommendation, and Save draft / Submit. It remembers the
 * version it started from, so a save never overwrites a sheet saved elsewhere meanwhile (decision
 * 0008); the panel keeps it on screen across redraws, since the browser may hold typing the server
 * has not heard of yet, and it says so when the stored sheet moved on.
 */
final class ScoreSheetForm extends Div {

    private final long sessionId;
    private final int scenario;
    private final long version;
    private final ScoringService scoring;
    private final Runnable replaceWithStored;
    private final Runnable showStored;
    private final List<ScaleField> areas = new ArrayList<>();
    private final ScaleField recommendation;
    private final Div message = new Div();

    /**
     * @param replaceWithStored drops this form and shows the stored sheet (after a save, or on request)
     * @param showStored        shows what is stored now, keeping this form (after a refusal)
     */
    ScoreSheetForm(ScoringBoard board, ScoringService scoring, Runnable replaceWithStored, Runnable showStored) {
        @Nullable ScoreSheet mine = board.mySheet();
        this.sessionId = board.sessionId();
        this.scenario = board.scenario();
        this.version = mine == null ? 0 : mine.version();
        this.scoring = scoring;
        this.replaceWithStored = replaceWithStored;
        this.showStored = showStored;
        setId("my-sheet");
        addClassName("score-sheet-form");

        var state = new Paragraph(mine == null ? "Your sheet: not started."
                : mine.submitted() ? "Your sheet: submitted. You can still correct it until the lead reveals the scores."
                : "Your sheet: draft — only you can see it.");
        state.setId("my-sheet-state");
        state.addClassName("scoring-note");
        add(state);

        for (int area = 0; area < board.areaTitles().size(); area++) {
            var field = new ScaleField(board.areaTitles().get(area), "Justification (you may cite your notes)",
                    "score-area-" + area, "justification-" + area, "levels-" + area);
            if (mine != null) {
                mine.area(area).ifPresent(a -> field.show(a.score(), a.justification()));
            }
            areas.add(field);
            add(field);
        }
        recommendation = new ScaleField("Overall recommendation", "Why (the overall recommendation)",
                "recommendation", "recommendation-text", "levels-recommendation");
        if (mine != null) {
            recommendation.show(mine.recommendation(), mine.recommendationText());
        }
        add(recommendation);

        message.setId("scoring-message");
        message.addClassName("scoring-message");
        message.setVisible(false);
        add(message);

        var actions = new Div();
        actions.addClassName("scoring-actions");
        if (board.rights().savesDrafts()) {
            var saveDraft = new Button("Save draft", e -> save(false));
            saveDraft.setId("save-draft");
            actions.add(saveDraft);
        }
        var submit = new Button(mine != null && mine.submitted() ? "Submit correction" : "Submit", e -> save(true));
        submit.setId("submit-sheet");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        actions.add(submit);
        add(actions);
    }

    int scenario() {
        return scenario;
    }

    /** Called with each newer board of its scenario: says so when the stored sheet is not the one this form edits. */
    void noticeStale(ScoringBoard board) {
        long stored = board.mine().map(ScoreSheet::version).orElse(0L);
        if (stored != version) {
            conflict("Your sheet was saved in another tab or window meanwhile. Saving here would be refused "
                    + "so that nothing is overwritten; load the saved version to continue from it.");
        }
    }

    ScoreSheetInput input() {
        List<AreaScore> written = new ArrayList<>();
        for (int area = 0; area < areas.size(); area++) {
            written.add(new AreaScore(area, areas.get(area).score(), areas.get(area).reason()));
        }
        return new ScoreSheetInput(scenario, written, recommendation.score(), recommendation.reason(), version);
    }

    private void save(boolean submit) {
        try {
            ScoreSheetInput input = input();
            if (submit) {
                scoring.submit(sessionId, input);
            } else {
                scoring.saveDraft(sessionId, input);
            }
            Notifications.success(submit ? "Submitted." : "Draft saved; only you can see it.");
            replaceWithStored.run();
        } catch (ScoringConflictException e) {
            conflict(Objects.requireNonNullElse(e.getMessage(), "Your sheet changed elsewhere."));
        } catch (ScoringException | SessionException | AccessDeniedException e) {
            String why = Objects.requireNonNullElse(e.getMessage(), "That did not work.");
            showMessage(why);
            Notifications.error(why);
            // The reveal, or the end of the session, may be why: show what is stored now.
            showStored.run();
        }
    }

    private void showMessage(String text) {
        message.removeAll();
        message.add(new Span(text));
        message.setVisible(true);
    }

    private void conflict(String text) {
        showMessage(text);
        message.addClassName("conflict");
        var reload = new Button("Load the saved version", e -> replaceWithStored.run());
        reload.setId("reload-sheet");
        reload.addThemeVariants(ButtonVariant.TERTIARY);
        message.add(reload);
    }
}
