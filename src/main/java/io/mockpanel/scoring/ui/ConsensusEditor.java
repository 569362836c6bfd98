package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.panel.SessionException;
import io.mockpanel.scoring.ConsensusInput;
import io.mockpanel.scoring.ConsensusScore;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoringBoard;
import io.mockpanel.scoring.ScoringException;
import io.mockpanel.scoring.ScoringService;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The panel's consensus for one scenario after the reveal: per area what was recorded, and for the
 * lead the score and note to record or change. The panel keeps one per scenario, so what the lead
 * is typing survives redraws; a consensus recorded elsewhere meanwhile is shown above the lead's
 * input, which stays, and recording then deliberately replaces it.
 */
final class ConsensusEditor extends Div {

    private final long sessionId;
    private final int scenario;
    private final ScoringService scoring;
    private final Runnable showStored;
    /** The lead's inputs by area, kept across {@link #show} calls. */
    private final Map<Integer, AreaInput> inputs = new HashMap<>();
    private ScoringBoard board;

    ConsensusEditor(ScoringBoard board, ScoringService scoring, Runnable showStored) {
        this.sessionId = board.sessionId();
        this.scenario = board.scenario();
        this.scoring = scoring;
        this.showStored = showStored;
        this.board = board;
        setId("scoring-consensus");
        addClassName("scoring-section");
        show(board);
    }

    /** Redraws from a board of this scenario, keeping the lead's inputs. */
    void show(ScoringBoard board) {
        this.board = board;
        removeAll();
        add(new H3("Consensus"));
        boolean records = board.rights().recordsConsensus();
        for (int area = 0; area < board.areaTitles().size(); area++) {
            @Nullable ConsensusScore recorded = board.consensus(area).orElse(null);
            var shown = new Paragraph(recorded == null ? "Not recorded yet."
                    : "Consensus: " + SheetList.display(recorded.score())
                    + (recorded.note().isEmpty() ? "" : " — " + recorded.note())
                    + " (recorded by " + recorded.recordedByName() + ")");
            shown.setId("consensus-" + area);
            shown.addClassName("consensus-shown");
            var card = new Div(new H4(board.areaTitles().get(area)), shown);
            card.addClassName("area-card");
            if (records) {
                long version = recorded == null ? 0 : recorded.version();
                AreaInput input = inputs.get(area);
                if (input == null) {
                    input = new AreaInput(area, recorded);
                    inputs.put(area, input);
                } else if (input.version != version) {
                    input.recordedElsewhere(version);
                }
                card.add(input);
            }
            add(card);
        }
    }

    /** The lead's input for one area's consensus. */
    private final class AreaInput extends Div {

        private final int area;
        /** The recorded version this input replaces when it records. */
        private long version;
        private final Button record;
        private final Div message = new Div();

        AreaInput(int area, @Nullable ConsensusScore recorded) {
            this.area = area;
            this.version = recorded == null ? 0 : recorded.version();
            addClassName("consensus-input");
            var score = new Select<ScoreScale>();
            score.setId("consensus-score-" + area);
            score.setLabel("Consensus score");
            score.setItems(ScoreScale.values());
            score.setItemLabelGenerator(ScoreScale::display);
            score.setWidthFull();
            var note = new TextArea("Note (optional)");
            note.setId("consensus-note-" + area);
            note.setMaxLength(ScoringService.MAX_TEXT);
            note.setWidthFull();
            if (recorded != null) {
                ScoreScale.of(recorded.score()).ifPresent(score::setValue);
                note.setValue(recorded.note());
            }
            record = new Button(recorded == null ? "Record consensus" : "Change consensus",
                    e -> record(score.getValue(), note.getValue()));
            record.setId("record-consensus-" + area);
            message.setId("consensus-message-" + area);
            message.addClassName("scoring-message");
            message.setVisible(false);
            add(score, note, message, record);
        }

        private void record(@Nullable ScoreScale score, String note) {
            if (score == null) {
                Notifications.error("Choose the consensus score, from 1 to 4, first.");
                return;
            }
            try {
                scoring.recordConsensus(sessionId, new ConsensusInput(scenario, area, score.value(), note, version));
                Notifications.success("Consensus recorded.");
                inputs.remove(area);
            } catch (ScoringException | SessionException | AccessDeniedException e) {
                Notifications.error(Objects.requireNonNullElse(e.getMessage(), "That did not work."));
            }
            showStored.run();
        }

        /**
         * The consensus was recorded in another tab or window: what is typed here stays, and
         * recording it now deliberately replaces the newer one, which the card shows above.
         */
        void recordedElsewhere(long newVersion) {
            version = newVersion;
            record.setText("Change consensus");
            message.removeAll();
            // The recorded one is on the board this message came from: no need to read again.
            var load = new Button("Use the recorded one", e -> {
                inputs.remove(area);
                show(board);
            });
            load.setId("load-consensus-" + area);
            load.addThemeVariants(ButtonVariant.TERTIARY);
            message.add(new Span("This consensus was recorded in another tab or window meanwhile (shown above)."
                    + " Yours is kept here: record it to replace that one."), load);
            message.setVisible(true);
        }
    }
}
