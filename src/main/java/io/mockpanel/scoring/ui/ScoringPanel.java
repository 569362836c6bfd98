package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.ui.LiveFeed;
import io.mockpanel.scenario.ScenarioContent;
import io.mockpanel.scoring.ScoringBoard;
import io.mockpanel.scoring.ScoringChange;
import io.mockpanel.scoring.ScoringException;
import io.mockpanel.scoring.ScoringRights;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.security.CurrentUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The scoring part of a session's console, for one scenario at a time: the blind rule in one
 * sentence, where the scoring stands, and what its user can use there — their own sheet
 * ({@link ScoreSheetForm}), after the reveal everyone's scores ({@link RevealedScores}) and the
 * consensus ({@link ConsensusEditor}). Nobody sees a control they cannot use.
 *
 * <p>Live through the console's {@link LiveFeed}: only scoring events (and the session opening or
 * closing for scoring) make it read, once, and only for the scenario on screen; an event of another
 * scenario only forgets that scenario's board until it is shown. It follows the session's current
 * scenario until its user picks one. Everything shown comes from {@link ScoringService#board}, so
 * it never holds scores its user may not see; what a user is typing survives every redraw.
 */
public class ScoringPanel extends Div {

    private final long sessionId;
    private final ScoringService scoring;
    private final LiveFeed feed;
    private final String me;
    private final List<String> titles;
    private final ScenarioPicker picker;
    private final Paragraph rule = new Paragraph();
    private final Div body = new Div();
    /** Boards as last read, by scenario; an event touching a scenario removes its board. */
    private final Map<Integer, ScoringBoard> boards = new HashMap<>();
    /** Sheet forms and consensus editors by scenario, so switching scenarios keeps what was typed. */
    private final Map<Integer, ScoreSheetForm> forms = new HashMap<>();
    private final Map<Integer, ConsensusEditor> consensus = new HashMap<>();
    private int scenario;
    private @Nullable ScoringBoard shown;
    private @Nullable Registration liveUpdates;

    public ScoringPanel(LiveFeed feed, ScoringService scoring, PanelSessionService sessions) {
        this.sessionId = feed.sessionId();
        this.feed = feed;
        this.scoring = scoring;
        this.me = CurrentUser.username().orElse("");
        addClassName("scoring-panel");
        List<String> loaded;
        try {
            loaded = sessions.agendaOf(sessionId).stream().map(ScenarioContent::title).toList();
        } catch (AccessDeniedException | SessionException e) {
            loaded = List.of();
        }
        titles = loaded;

        @Nullable Integer current = feed.live().currentScenario()
                .filter(position -> position >= 0 && position < titles.size()).orElse(null);
        scenario = current == null ? 0 : current;
        picker = new ScenarioPicker(titles, current, this::show);
        var header = new Div(new H3("Scoring"), picker);
        header.addClassName("scoring-head");
        rule.setId("scoring-rule");
        rule.addClassName("scoring-rule");
        body.addClassName("scoring-body");
        add(header, rule, body);

        if (titles.isEmpty()) {
            body.add(new Paragraph("This session does not exist, or you are not on its panel."));
            return;
        }
        load();
    }

    /** Shows a scenario (by agenda position), e.g. the one the console is on. */
    public void selectScenario(int position) {
        if (picker.onAgenda(position)) {
            picker.setValue(position);
        }
    }

    public int selectedScenario() {
        return scenario;
    }

    /** Reads the shown scenario's board and redraws if anything its user may see changed. */
    public void refresh() {
        load();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        liveUpdates = feed.onEvents(this::onEvents);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
    }

    // --- live --------------------------------------------------------------------------------------

    private void onEvents(List<SessionEvent> events) {
        boolean shownChanged = false;
        for (SessionEvent event : events) {
            Optional<ScoringChange> change = ScoringChange.of(event).filter(c -> c.concerns(me));
            if (change.isPresent()) {
                // Other scenarios are read again only when shown again.
                boards.keySet().removeIf(change.get()::touches);
                shownChanged |= change.get().touches(scenario);
            }
        }
        int before = scenario;
        picker.follow(feed.live().currentScenario().filter(picker::onAgenda).orElse(null));
        if (shownChanged && scenario == before) {
            load();
        }
    }

    /**
     * After this panel changed something: its event reaches the whole console through the feed now
     * (the feed's one read), and this panel, hearing it, reads the stored state once. When nothing
     * was written (a refusal) no event comes, so it reads by itself.
     */
    private void afterChange() {
        shown = null;
        boards.remove(scenario);
        feed.catchUp();
        if (!boards.containsKey(scenario)) {
            load();
        }
    }

    // --- drawing -----------------------------------------------------------------------------------

    private void show(int position) {
        scenario = position;
        shown = null;
        ScoringBoard known = boards.get(position);
        if (known != null) {
            render(known);
        } else {
            load();
        }
    }

    private void load() {
        if (titles.isEmpty()) {
            return;
        }
        ScoringBoard board;
        try {
            board = scoring.board(sessionId, scenario);
        } catch (AccessDeniedException e) {
            problem("You are not on this session's panel.");
            return;
        } catch (ScoringException | SessionException e) {
            problem(Objects.requireNonNullElse(e.getMessage(), "The scores cannot be shown."));
            return;
        }
        boards.put(scenario, board);
        if (!board.equals(shown)) {
            render(board);
        }
    }

    private void render(ScoringBoard board) {
        shown = board;
        ScoringRights rights = board.rights();
        rule.setText(rights.blindRule());
        body.removeAll();
        body.add(new ScoringStatus(board, scoring, this::afterChange));

        if (rights.scores()) {
            // The form on screen is never swapped under its user; it says when the sheet moved on.
            ScoreSheetForm form = forms.get(board.scenario());
            if (form == null) {
                form = new ScoreSheetForm(board, scoring, this::replaceForm, this::afterChange);
                forms.put(board.scenario(), form);
            } else {
                form.noticeStale(board);
            }
            body.add(form);
        } else {
            forms.remove(board.scenario());
            if (!board.open()) {
                body.add(note("scoring-closed", "Scoring is open while the session is live and after it ends; "
                        + "it opens when the lead starts the session, and a cancelled session takes no scores."));
            }
        }

        if (board.revealed()) {
            ConsensusEditor editor = consensus.get(board.scenario());
            if (editor == null) {
                editor = new ConsensusEditor(board, scoring, this::afterChange);
                consensus.put(board.scenario(), editor);
            } else {
                editor.show(board);
            }
            body.add(new RevealedScores(board, editor));
        } else if (!rights.isScorer()) {
            body.add(note("scores-later", "Scores are revealed after the panel submits: they appear here when "
                    + "the lead reveals them."));
        } else if (!rights.seesOthersSheets()) {
            body.add(note("blind-hint", "The others' sheets appear here once you have submitted yours."));
        } else if (!board.otherSheets().isEmpty()) {
            body.add(new SheetList("Submitted sheets of the others", "other-sheets", board.otherSheets(),
                    board.areaTitles()));
        }
    }

    private void replaceForm() {
        forms.remove(scenario);
        afterChange();
    }

    private void problem(String text) {
        shown = null;
        body.removeAll();
        body.add(new Paragraph(text));
    }

    private static Paragraph note(String id, String text) {
        var note = new Paragraph(text);
        note.setId(id);
        note.addClassName("scoring-note");
        return note;
    }
}
