package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.panel.SessionException;
import io.mockpanel.scoring.Reveal;
import io.mockpanel.scoring.ScorerStatus;
import io.mockpanel.scoring.ScoringBoard;
import io.mockpanel.scoring.ScoringException;
import io.mockpanel.scoring.ScoringRights;
import io.mockpanel.scoring.ScoringService;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where one scenario's scoring stands: who has submitted (names only, never scores), whether and
 * by whom the sheets were revealed, and for the lead the reveal itself, offered once it can be
 * made and confirmed first, since it shows every sheet to the panel and freezes them.
 */
final class ScoringStatus extends Div {

    ScoringStatus(ScoringBoard board, ScoringService scoring, Runnable showStored) {
        addClassName("scoring-status-row");
        List<ScorerStatus> scorers = board.scorers();
        String submitted = names(scorers.stream().filter(ScorerStatus::submitted).toList());
        String waiting = names(scorers.stream().filter(s -> !s.submitted()).toList());
        var text = new StringBuilder(board.submittedCount() + " of " + scorers.size() + " submitted");
        if (!submitted.isEmpty()) {
            text.append(" · Submitted: ").append(submitted);
        }
        if (!waiting.isEmpty()) {
            text.append(" · Waiting for: ").append(waiting);
        }
        var status = new Paragraph(text.toString());
        status.setId("scoring-status");
        status.addClassName("scoring-status");
        add(status);
        Reveal reveal = board.reveal();
        if (reveal != null) {
            var revealed = Badge.of("Revealed by " + reveal.byName(), "success");
            revealed.setId("scoring-revealed");
            add(revealed);
        }

        ScoringRights rights = board.rights();
        if (rights.canReveal()) {
            var button = new Button("Reveal scores", e -> Confirmation.ask("confirm-reveal", "Reveal the scores?",
                    "Every sheet of \"" + board.scenarioTitle() + "\" becomes visible to the whole panel, "
                            + "observers included, and no sheet can change afterwards.", "Reveal scores",
                    () -> reveal(scoring, board, showStored)));
            button.setId("reveal-scores");
            button.addThemeVariants(ButtonVariant.PRIMARY);
            add(button);
        } else if (rights.leadsReveal()) {
            var later = new Paragraph("You reveal the scores once every panelist has submitted.");
            later.setId("reveal-later");
            later.addClassName("scoring-note");
            add(later);
        }
    }

    private static void reveal(ScoringService scoring, ScoringBoard board, Runnable showStored) {
        try {
            scoring.reveal(board.sessionId(), board.scenario());
            Notifications.success("The scores are revealed to the whole panel.");
        } catch (ScoringException | SessionException | AccessDeniedException e) {
            Notifications.error(Objects.requireNonNullElse(e.getMessage(), "That did not work."));
        }
        showStored.run();
    }

    private static String names(List<ScorerStatus> scorers) {
        return scorers.stream().map(ScorerStatus::displayName).collect(Collectors.joining(", "));
    }
}
