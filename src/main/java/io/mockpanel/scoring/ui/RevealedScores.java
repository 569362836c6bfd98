package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.scoring.ScoreSheet;
import io.mockpanel.scoring.ScoringBoard;
import io.mockpanel.scoring.Spread;
import java.util.ArrayList;
import java.util.List;

/**
 * Everyone's scores after the reveal: per area (and for the overall recommendation) each
 * scorer's score, the range, and a flag where they are far enough apart to talk through; then
 * every sheet with its justifications. The same for the whole panel, observers included.
 */
final class RevealedScores extends Div {

    /** {@code consensus} goes between the spread and the sheets, where the panel talks it through. */
    RevealedScores(ScoringBoard board, Component consensus) {
        addClassName("revealed-scores");
        var spread = new Div(new H3("Spread"));
        spread.setId("score-spread");
        spread.addClassName("scoring-section");
        for (Spread area : board.spread()) {
            spread.add(card(area, "spread-area-" + area.area()));
        }
        Spread recommendation = board.recommendationSpread();
        if (recommendation != null) {
            spread.add(card(recommendation, "spread-recommendation"));
        }

        List<ScoreSheet> all = new ArrayList<>();
        board.mine().filter(ScoreSheet::submitted).ifPresent(all::add);
        all.addAll(board.otherSheets());
        add(spread, consensus, new SheetList("All sheets", "revealed-sheets", all, board.areaTitles()));
    }

    private static Component card(Spread spread, String id) {
        var card = new Div();
        card.setId(id);
        card.addClassNames("area-card", "spread-area");
        var range = new Span(range(spread));
        range.addClassName("spread-range");
        var head = new Div(new H4(spread.title()), range);
        head.addClassName("spread-head");
        card.add(head);
        if (spread.disagreement()) {
            card.addClassName("disagreement");
            var flag = Badge.of("Disagreement: " + (spread.max() - spread.min()) + " points apart");
            flag.addClassName("disagreement-flag");
            card.add(flag);
        }
        var scores = new Div();
        scores.addClassName("badges");
        for (Spread.Score score : spread.scores()) {
            scores.add(Badge.of(score.displayName() + ": " + SheetList.display(score.score()), "contrast"));
        }
        card.add(scores);
        return card;
    }

    private static String range(Spread spread) {
        if (spread.scores().isEmpty()) {
            return "No scores";
        }
        return spread.min() == spread.max() ? "All " + spread.min() : "From " + spread.min() + " to " + spread.max();
    }
}
