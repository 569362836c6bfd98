package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.scoring.AreaScore;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoreSheet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Submitted sheets, read only: per author each area's score with its justification and the
 * overall recommendation. Shows whatever sheets it is given; the service decided what the reader
 * may see.
 */
final class SheetList extends Div {

    SheetList(String heading, String id, List<ScoreSheet> sheets, List<String> areaTitles) {
        setId(id);
        addClassName("scoring-section");
        add(new H3(heading));
        for (ScoreSheet sheet : sheets) {
            var card = new Div(new H4(sheet.authorName()));
            card.setId("sheet-" + sheet.author());
            card.addClassNames("area-card", "score-sheet");
            for (int area = 0; area < areaTitles.size(); area++) {
                @Nullable AreaScore score = sheet.area(area).orElse(null);
                card.add(line(areaTitles.get(area), score == null ? null : score.score(),
                        score == null ? "" : score.justification()));
            }
            card.add(line("Overall recommendation", sheet.recommendation(), sheet.recommendationText()));
            add(card);
        }
    }

    /** "4 · Strong yes", or what is stored when it is off the scale. */
    static String display(int score) {
        return ScoreScale.of(score).map(ScoreScale::display).orElse(Integer.toString(score));
    }

    private static Component line(String title, @Nullable Integer score, String text) {
        var line = new Div();
        var head = new Span(title + ": " + (score == null ? "no score" : display(score)));
        head.addClassName("sheet-line-title");
        line.add(head);
        if (!text.isEmpty()) {
            var body = new Paragraph(text);
            body.addClassName("sheet-line-text");
            line.add(body);
        }
        return line;
    }
}
