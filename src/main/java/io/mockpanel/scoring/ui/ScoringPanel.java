package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.ui.LiveFeed;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ConsensusInput;
import io.mockpanel.scoring.ConsensusScore;
import io.mockpanel.scoring.Reveal;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoreSheet;
import io.mockpanel.scoring.ScoreSheetInput;
import io.mockpanel.scoring.ScorerStatus;
import io.mockpanel.scoring.ScoringBoard;
import io.mockpanel.scoring.ScoringConflictException;
import io.mockpanel.scoring.ScoringException;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.scoring.Spread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The scoring part of a session's console: per scenario, the current user's sheet (a 1-4 score
 * with its anchors and a justification per discussion area, the overall recommendation; save as
 * a draft, submit, correct until the reveal), who has submitted, the lead's reveal, and after the
 * reveal the spread per area with disagreements highlighted and the lead's consensus.
 *
 * <p>Self-contained: it follows the session's event bus while attached and redraws when what its
 * user may see changed, keeping whatever the user is typing. Everything it shows comes from
 * {@link ScoringService#board}, so it never holds scores its user may not see.
 */
public class ScoringPanel extends VerticalLayout {

    private final long sessionId;
    private final ScoringService scoring;
    private final LiveFeed feed;
    private final List<ScenarioContent> agenda;
    private final Select<Integer> scenarioSelect = new Select<>();
    private final Div body = new Div();
    /** Sheet forms per scenario, so that switching scenarios keeps what was typed. */
    private final Map<Integer, SheetForm> forms = new HashMap<>();
    /** The lead's consensus editors per scenario and area. */
    private final Map<Integer, Map<Integer, ConsensusEditor>> consensusEditors = new HashMap<>();
    private int scenario;
    private @Nullable ScoringBoard shown;
    private @Nullable Registration liveUpdates;

    public ScoringPanel(LiveFeed feed, ScoringService scoring, PanelSessionService sessions) {
        this.sessionId = feed.sessionId();
        this.feed = feed;
        this.scoring = scoring;
        addClassName("scoring-panel");
        setPadding(false);
        setWidthFull();
        getStyle().set("min-width", "0").set("box-sizing", "border-box");
        body.setWidthFull();
        stack(body);

        List<ScenarioContent> loaded;
        try {
            loaded = sessions.agendaOf(sessionId);
        } catch (AccessDeniedException | SessionException e) {
            loaded = List.of();
        }
        agenda = loaded;

        var heading = new H3("Scoring");
        heading.getStyle().set("margin", "0");
        scenarioSelect.setId("scoring-scenario");
        scenarioSelect.setLabel("Scenario");
        scenarioSelect.setItems(IntStream.range(0, agenda.size()).boxed().toList());
        scenarioSelect.setItemLabelGenerator(i -> (i + 1) + ". " + agenda.get(i).title());
        scenarioSelect.getStyle().set("flex", "1 1 220px").set("min-width", "0");
        scenarioSelect.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != scenario) {
                scenario = e.getValue();
                shown = null;
                refresh();
            }
        });
        var header = wrapRow(heading, scenarioSelect);
        header.setAlignItems(Alignment.BASELINE);
        add(header, body);

        if (agenda.isEmpty()) {
            body.add(new Paragraph("This session does not exist, or you are not on its panel."));
        } else {
            scenarioSelect.setValue(0);
            refresh();
        }
    }

    /** Shows a scenario (by agenda position), e.g. the one the console is on. */
    public void selectScenario(int position) {
        if (position >= 0 && position < agenda.size()) {
            scenarioSelect.setValue(position);
        }
    }

    public int selectedScenario() {
        return scenario;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Captured on the request thread; hints arrive on the listener thread. Inside UI.access
        // the services see this UI's signed-in user.
        liveUpdates = feed.onEvents(events -> refreshQuietly());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
    }

    /** Loads the board again and redraws if anything the user may see changed. */
    public void refresh() {
        if (agenda.isEmpty()) {
            return;
        }
        ScoringBoard board;
        try {
            board = scoring.board(sessionId, scenario);
        } catch (AccessDeniedException e) {
            body.removeAll();
            body.add(new Paragraph("You are not on this session's panel."));
            shown = null;
            return;
        } catch (ScoringException | SessionException e) {
            body.removeAll();
            body.add(new Paragraph(e.getMessage()));
            shown = null;
            return;
        }
        if (!board.equals(shown)) {
            render(board);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // A hint is only a hint: the next one, or the user's next action, loads again.
            org.slf4j.LoggerFactory.getLogger(ScoringPanel.class).warn("Scoring panel refresh failed", e);
        }
    }

    // --- drawing -----------------------------------------------------------------------------------

    private void render(ScoringBoard board) {
        shown = board;
        body.removeAll();
        body.add(status(board));

        if (board.canScore()) {
            // The form on screen is never swapped under its user: the browser may hold typing the
            // server has not heard of yet. When the sheet was saved elsewhere, the form says so.
            SheetForm form = forms.get(board.scenario());
            if (form == null) {
                form = new SheetForm(board);
                forms.put(board.scenario(), form);
            } else {
                form.noticeStale(board);
            }
            body.add(form);
        } else if (!board.open()) {
            body.add(note("Scoring is open while the session is live and after it ends; it opens when the lead "
                    + "starts the session, and a cancelled session takes no scores."));
        } else if (board.myRole() == SessionRole.OBSERVER && !board.revealed()) {
            body.add(note("The sheets stay hidden until the lead reveals them; then you see them all."));
        }

        if (!board.revealed()) {
            if (board.myRole() != SessionRole.OBSERVER && !board.mine().map(ScoreSheet::submitted).orElse(false)) {
                var hint = note("Blind scoring: you see the others' sheets once you have submitted yours.");
                hint.setId("blind-hint");
                body.add(hint);
            } else if (!board.otherSheets().isEmpty()) {
                body.add(sheets("Submitted sheets of the others", "other-sheets", board.otherSheets(), board));
            }
            if (board.myRole() == SessionRole.LEAD) {
                body.add(revealBar(board));
            }
        } else {
            body.add(spread(board));
            body.add(consensus(board));
            List<ScoreSheet> all = new ArrayList<>();
            board.mine().filter(ScoreSheet::submitted).ifPresent(all::add);
            all.addAll(board.otherSheets());
            body.add(sheets("All sheets", "revealed-sheets", all, board));
        }
    }

    private Component status(ScoringBoard board) {
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
        status.getStyle().set("margin", "0");
        var row = wrapRow(status);
        Reveal reveal = board.reveal();
        if (reveal != null) {
            var revealed = Badge.of("Revealed by " + reveal.byName(), "success");
            revealed.setId("scoring-revealed");
            row.add(revealed);
        }
        return row;
    }

    private Component revealBar(ScoringBoard board) {
        var reveal = new Button("Reveal scores", e -> act(() -> scoring.reveal(sessionId, scenario),
                "The scores are revealed to the whole panel.", () -> { }));
        reveal.setId("reveal-scores");
        reveal.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        reveal.setEnabled(board.canReveal());
        String help = board.canReveal() ? "Everyone has submitted: reveal the sheets to the whole panel."
                : board.open() ? "You can reveal the sheets once every panelist has submitted."
                : "Scoring opens when the session starts.";
        return wrapRow(reveal, note(help));
    }

    private Component spread(ScoringBoard board) {
        var section = section("Spread", "score-spread");
        for (Spread spread : board.spread()) {
            section.add(spreadCard(spread, "spread-area-" + spread.area()));
        }
        Spread recommendation = board.recommendationSpread();
        if (recommendation != null) {
            section.add(spreadCard(recommendation, "spread-recommendation"));
        }
        return section;
    }

    private static Component spreadCard(Spread spread, String id) {
        var card = card();
        card.setId(id);
        card.addClassName("spread-area");
        var title = new H4(spread.title());
        var range = new Span(spread.scores().isEmpty() ? "No scores"
                : spread.min() == spread.max() ? "All " + spread.min()
                : "From " + spread.min() + " to " + spread.max());
        range.addClassName("spread-range");
        var head = wrapRow(title, range);
        head.setAlignItems(Alignment.BASELINE);
        card.add(head);
        if (spread.disagreement()) {
            card.addClassName("disagreement");
            card.getStyle().set("border-color", "var(--lumo-error-color)")
                    .set("background", "var(--lumo-error-color-10pct)");
            var flag = Badge.of("Disagreement: " + (spread.max() - spread.min()) + " points apart");
            flag.addClassName("disagreement-flag");
            flag.getStyle().set("color", "var(--lumo-error-text-color)")
                    .set("background-color", "var(--lumo-error-color-10pct)").set("align-self", "flex-start");
            card.add(flag);
        }
        var scores = new Div();
        scores.addClassName("badges");
        for (Spread.Score score : spread.scores()) {
            scores.add(Badge.of(score.displayName() + ": " + ScoreScale.of(score.score()).map(ScoreScale::display)
                    .orElse(Integer.toString(score.score())), "contrast"));
        }
        card.add(scores);
        return card;
    }

    private Component consensus(ScoringBoard board) {
        var section = section("Consensus", "scoring-consensus");
        Map<Integer, ConsensusEditor> editors = consensusEditors.computeIfAbsent(board.scenario(),
                s -> new HashMap<>());
        for (int area = 0; area < board.areaTitles().size(); area++) {
            var card = card();
            card.add(new H4(board.areaTitles().get(area)));
            @Nullable ConsensusScore recorded = board.consensus(area).orElse(null);
            var shownConsensus = new Paragraph(recorded == null ? "Not recorded yet."
                    : "Consensus: " + ScoreScale.of(recorded.score()).map(ScoreScale::display).orElse("")
                    + (recorded.note().isEmpty() ? "" : " — " + recorded.note())
                    + " (recorded by " + recorded.recordedByName() + ")");
            shownConsensus.setId("consensus-" + area);
            shownConsensus.getStyle().set("margin", "0").set("white-space", "pre-line");
            card.add(shownConsensus);
            if (board.canRecordConsensus()) {
                // As with the sheet: the editor on screen is kept, and says so when the consensus
                // was recorded elsewhere meanwhile (it is shown just above).
                ConsensusEditor editor = editors.get(area);
                long version = recorded == null ? 0 : recorded.version();
                if (editor == null) {
                    editor = new ConsensusEditor(board.scenario(), area, recorded);
                    editors.put(area, editor);
                } else if (editor.version != version) {
                    editor.recordedElsewhere(version);
                }
                card.add(editor);
            }
            section.add(card);
        }
        return section;
    }

    private Component sheets(String heading, String id, List<ScoreSheet> sheets, ScoringBoard board) {
        var section = section(heading, id);
        for (ScoreSheet sheet : sheets) {
            var card = card();
            card.setId("sheet-" + sheet.author());
            card.addClassName("score-sheet");
            card.add(new H4(sheet.authorName()));
            for (int area = 0; area < board.areaTitles().size(); area++) {
                @Nullable AreaScore score = sheet.area(area).orElse(null);
                card.add(readOnlyLine(board.areaTitles().get(area), score == null ? null : score.score(),
                        score == null ? "" : score.justification()));
            }
            card.add(readOnlyLine("Overall recommendation", sheet.recommendation(), sheet.recommendationText()));
            section.add(card);
        }
        return section;
    }

    private static Component readOnlyLine(String title, @Nullable Integer score, String text) {
        var line = new Div();
        var head = new Span(title + ": " + (score == null ? "no score"
                : ScoreScale.of(score).map(ScoreScale::display).orElse(score.toString())));
        head.getStyle().set("font-weight", "600");
        line.add(head);
        if (!text.isEmpty()) {
            var body = new Paragraph(text);
            body.getStyle().set("margin", "0 0 var(--lumo-space-s)").set("white-space", "pre-line");
            line.add(body);
        }
        return line;
    }

    // --- actions -----------------------------------------------------------------------------------

    /** Runs a change, then {@code afterSuccess}; shows a refusal; always redraws from the stored state. */
    private void act(Runnable action, String success, Runnable afterSuccess) {
        try {
            action.run();
            afterSuccess.run();
            Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ScoringException | SessionException | AccessDeniedException e) {
            error(e.getMessage());
        } finally {
            shown = null;
            refresh();
        }
    }

    private static void error(@Nullable String message) {
        Notification.show(Objects.requireNonNullElse(message, "That did not work."), 6000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    // --- the sheet form ----------------------------------------------------------------------------

    /** The current user's sheet for one scenario, with what they typed and the version it started from. */
    private final class SheetForm extends Div {

        private final int scenario;
        private final long version;
        private final boolean submitted;
        private final Map<Integer, RadioButtonGroup<ScoreScale>> scores = new LinkedHashMap<>();
        private final Map<Integer, TextArea> justifications = new LinkedHashMap<>();
        private final RadioButtonGroup<ScoreScale> recommendation = scaleGroup("Overall recommendation");
        private final TextArea recommendationText = textArea("Why (the overall recommendation)");
        private final Div message = new Div();

        SheetForm(ScoringBoard board) {
            @Nullable ScoreSheet mine = board.mySheet();
            this.scenario = board.scenario();
            this.version = mine == null ? 0 : mine.version();
            this.submitted = mine != null && mine.submitted();
            setId("my-sheet");
            setWidthFull();
            stack(this);

            var state = new Paragraph(mine == null ? "Your sheet: not started."
                    : submitted ? "Your sheet: submitted. You can still correct it until the lead reveals the scores."
                    : "Your sheet: draft — only you can see it.");
            state.setId("my-sheet-state");
            state.getStyle().set("margin", "0");
            add(state);

            for (int area = 0; area < board.areaTitles().size(); area++) {
                var group = scaleGroup(board.areaTitles().get(area));
                group.setId("score-area-" + area);
                var justification = textArea("Justification (you may cite your notes)");
                justification.setId("justification-" + area);
                if (mine != null) {
                    mine.area(area).ifPresent(a -> {
                        if (a.score() != null) {
                            ScoreScale.of(a.score()).ifPresent(group::setValue);
                        }
                        justification.setValue(a.justification());
                    });
                }
                scores.put(area, group);
                justifications.put(area, justification);
                var card = card();
                card.add(group, justification);
                add(card);
            }
            recommendation.setId("recommendation");
            recommendationText.setId("recommendation-text");
            if (mine != null) {
                if (mine.recommendation() != null) {
                    ScoreScale.of(mine.recommendation()).ifPresent(recommendation::setValue);
                }
                recommendationText.setValue(mine.recommendationText());
            }
            var overall = card();
            overall.add(recommendation, recommendationText);
            add(overall);

            message.setId("scoring-message");
            message.setVisible(false);
            message.getStyle().set("color", "var(--lumo-error-text-color)")
                    .set("background", "var(--lumo-error-color-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
            add(message);

            var saveDraft = new Button("Save draft", e -> save(false));
            saveDraft.setId("save-draft");
            saveDraft.setVisible(!submitted);
            var submit = new Button(submitted ? "Submit correction" : "Submit", e -> save(true));
            submit.setId("submit-sheet");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(wrapRow(saveDraft, submit));

        }

        void noticeStale(ScoringBoard board) {
            long stored = board.mine().map(ScoreSheet::version).orElse(0L);
            if (stored != version) {
                conflict("Your sheet was saved in another tab or window meanwhile. Saving here would be refused "
                        + "so that nothing is overwritten; load the saved version to continue from it.");
            }
        }

        ScoreSheetInput input() {
            List<AreaScore> areas = new ArrayList<>();
            scores.forEach((area, group) -> areas.add(new AreaScore(area,
                    group.getValue() == null ? null : group.getValue().value(),
                    justifications.get(area).getValue())));
            return new ScoreSheetInput(scenario, areas,
                    recommendation.getValue() == null ? null : recommendation.getValue().value(),
                    recommendationText.getValue(), version);
        }

        private void save(boolean submit) {
            try {
                ScoreSheetInput input = input();
                if (submit) {
                    scoring.submit(sessionId, input);
                } else {
                    scoring.saveDraft(sessionId, input);
                }
                forms.remove(scenario);
                Notification.show(submit ? "Submitted." : "Draft saved; only you can see it.", 3000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                shown = null;
                refresh();
            } catch (ScoringConflictException e) {
                conflict(Objects.requireNonNullElse(e.getMessage(), "Your sheet changed elsewhere."));
            } catch (ScoringException | SessionException | AccessDeniedException e) {
                showMessage(Objects.requireNonNullElse(e.getMessage(), "That did not work."));
                error(e.getMessage());
                // The reveal, or the end of the session, may be why: show what is stored now.
                shown = null;
                refresh();
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
            var reload = new Button("Load the saved version", e -> {
                forms.remove(scenario);
                shown = null;
                refresh();
            });
            reload.setId("reload-sheet");
            reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            message.add(reload);
        }
    }

    /** The lead's input for one area's consensus. */
    private final class ConsensusEditor extends Div {

        private final int scenario;
        private final int area;
        /** The recorded version this editor replaces when it records. */
        private long version;
        private final Button record;
        private final Div message = new Div();

        ConsensusEditor(int scenario, int area, @Nullable ConsensusScore recorded) {
            this.scenario = scenario;
            this.area = area;
            this.version = recorded == null ? 0 : recorded.version();
            stack(this);
            var score = new Select<ScoreScale>();
            score.setId("consensus-score-" + area);
            score.setLabel("Consensus score");
            score.setItems(ScoreScale.values());
            score.setItemLabelGenerator(ScoreScale::display);
            score.setWidthFull();
            var note = textArea("Note (optional)");
            note.setId("consensus-note-" + area);
            if (recorded != null) {
                ScoreScale.of(recorded.score()).ifPresent(score::setValue);
                note.setValue(recorded.note());
            }
            record = new Button(recorded == null ? "Record consensus" : "Change consensus", e -> {
                if (score.getValue() == null) {
                    error("Choose the consensus score, from 1 to 4, first.");
                    return;
                }
                act(() -> scoring.recordConsensus(sessionId,
                        new ConsensusInput(scenario, area, score.getValue().value(), note.getValue(), version)),
                        "Consensus recorded.", () -> consensusEditors.getOrDefault(scenario, Map.of()).remove(area));
            });
            record.setId("record-consensus-" + area);
            message.setId("consensus-message-" + area);
            message.setVisible(false);
            message.getStyle().set("color", "var(--lumo-error-text-color)");
            add(score, note, message, record);
        }

        /**
         * The consensus was recorded in another tab or window: what is typed here stays, and
         * recording it now deliberately replaces the newer one, which the card shows above.
         */
        void recordedElsewhere(long newVersion) {
            version = newVersion;
            record.setText("Change consensus");
            message.removeAll();
            var load = new Button("Use the recorded one", e -> {
                consensusEditors.getOrDefault(scenario, Map.of()).remove(area);
                shown = null;
                refresh();
            });
            load.setId("load-consensus-" + area);
            load.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            message.add(new Span("This consensus was recorded in another tab or window meanwhile (shown above)."
                    + " Yours is kept here: record it to replace that one."), load);
            message.setVisible(true);
        }
    }

    // --- small pieces ------------------------------------------------------------------------------

    private static RadioButtonGroup<ScoreScale> scaleGroup(String label) {
        var group = new RadioButtonGroup<ScoreScale>(label);
        group.setItems(ScoreScale.values());
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setItemLabelGenerator(ScoreScale::display);
        group.setRenderer(new ComponentRenderer<>(point -> {
            var name = new Span(point.display());
            name.getStyle().set("font-weight", "600");
            var anchor = new Span(point.anchor());
            anchor.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                    .set("color", "var(--lumo-secondary-text-color)");
            return new Div(name, anchor);
        }));
        group.setWidthFull();
        return group;
    }

    private static TextArea textArea(String label) {
        var area = new TextArea(label);
        area.setMaxLength(ScoringService.MAX_TEXT);
        area.setWidthFull();
        area.setMinHeight("5em");
        return area;
    }

    private static Div section(String heading, String id) {
        var section = new Div(new H3(heading));
        section.setId(id);
        section.setWidthFull();
        stack(section);
        return section;
    }

    private static Div card() {
        var card = new Div();
        card.addClassName("area-card");
        card.setWidthFull();
        stack(card);
        return card;
    }

    private static Paragraph note(String text) {
        var note = new Paragraph(text);
        note.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        return note;
    }

    /** Children one under the other, whatever the width (phones at 390 px included). */
    private static void stack(Div div) {
        div.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("box-sizing", "border-box").set("min-width", "0");
    }

    /** A row that wraps onto several lines on a narrow screen. */
    private static FlexLayout wrapRow(Component... children) {
        var row = new FlexLayout(children);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setWidthFull();
        row.getStyle().set("gap", "var(--lumo-space-s)").set("align-items", "center");
        return row;
    }

    private static String names(List<ScorerStatus> scorers) {
        return scorers.stream().map(ScorerStatus::displayName).collect(Collectors.joining(", "));
    }
}
