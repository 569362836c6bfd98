package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.ui.CandidateScreenView;
import io.mockpanel.review.SessionReview;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.review.SessionReviewService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything that happened, in order, with its offset: filter by who and by kind; a click on a
 * moment shows beside it (below it on a phone) what the candidate saw right then, drawn by the
 * candidate room's own renderer from the log replayed up to that moment.
 */
final class ReviewTimeline extends Composite<Div> {

    final MultiSelectComboBox<String> who = new MultiSelectComboBox<>("Who");
    final MultiSelectComboBox<MomentKind> kinds = new MultiSelectComboBox<>("Kind");
    final Div list = new Div();
    final Div screen = new Div();
    final Span screenHeading = new Span("What the candidate saw");
    private final List<Moment> moments;
    private final List<Div> rows = new ArrayList<>();
    private final Function<Long, CandidateScreen> screenAt;
    private @Nullable Div selected;

    ReviewTimeline(SessionReview review, SessionReviewService reviews) {
        this.moments = review.timeline();
        long sessionId = review.summary().sessionId();
        this.screenAt = seq -> reviews.screenAt(sessionId, seq);
        Div root = getContent();
        root.addClassName("review-timeline");
        root.setId("review-timeline");

        Set<String> people = new LinkedHashSet<>();
        review.summary().panel().forEach(seat -> people.add(seat.displayName()));
        moments.forEach(m -> people.add(m.who()));
        people.removeIf(String::isBlank);
        who.setItems(people);
        who.setId("filter-who");
        who.setPlaceholder("Everyone");
        who.setClearButtonVisible(true);
        Set<MomentKind> present = new LinkedHashSet<>();
        Arrays.stream(MomentKind.values()).filter(k -> moments.stream().anyMatch(m -> m.kind() == k)).forEach(present::add);
        kinds.setItems(present);
        kinds.setItemLabelGenerator(ReviewTexts::kind);
        kinds.setId("filter-kind");
        kinds.setPlaceholder("Every kind");
        kinds.setClearButtonVisible(true);
        who.addValueChangeListener(e -> filter());
        kinds.addValueChangeListener(e -> filter());
        var filters = new Div(who, kinds);
        filters.addClassName("timeline-filters");

        list.addClassName("moment-list");
        list.setId("moment-list");
        list.getElement().setAttribute("role", "list");
        for (Moment moment : moments) {
            Div row = row(moment);
            rows.add(row);
            list.add(row);
        }
        if (moments.isEmpty()) {
            list.add(new Paragraph("Nothing happened in this session."));
        }

        screenHeading.addClassName("screen-heading");
        screen.addClassName("moment-screen");
        screen.setId("moment-screen");
        var hint = new Paragraph("Pick a moment to see the candidate's screen at that time.");
        hint.addClassName("review-muted");
        screen.add(hint);
        var side = new Div(new H3(screenHeading), screen);
        side.addClassName("moment-side");
        var body = new Div(list, side);
        body.addClassName("timeline-body");
        root.add(filters, body);
    }

    private Div row(Moment moment) {
        var at = new Span(ReviewTexts.offset(moment.offset()));
        at.addClassName("moment-offset");
        var icon = new Icon(ReviewTexts.icon(moment.kind()));
        icon.addClassName("moment-kind");
        icon.getElement().setAttribute("title", ReviewTexts.kind(moment.kind()));
        icon.getElement().setAttribute("aria-label", ReviewTexts.kind(moment.kind()));
        var who = new Span(moment.who());
        who.addClassName("moment-who");
        var text = new Span(moment.text());
        text.addClassName("moment-text");
        text.getElement().setAttribute("dir", "auto");
        var row = new Div(at, icon, who, text);
        row.addClassNames("moment", "moment-" + moment.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (moment.kind() == MomentKind.PRIVATE_NOTE) {
            var mark = io.mockpanel.base.ui.Badge.of("Private", "contrast");
            row.add(mark);
        }
        row.getElement().setAttribute("role", "listitem");
        row.getElement().setAttribute("tabindex", "0");
        row.getElement().setAttribute("data-seq", String.valueOf(moment.seq()));
        row.addClickListener(e -> select(row, moment));
        row.getElement().addEventListener("keydown", e -> select(row, moment))
                .setFilter("event.key === 'Enter' || event.key === ' '");
        return row;
    }

    /** Shows the candidate's screen right after the moment. */
    void select(Div row, Moment moment) {
        if (selected != null) {
            selected.removeClassName("selected");
            selected.getElement().removeAttribute("aria-current");
        }
        selected = row;
        row.addClassName("selected");
        row.getElement().setAttribute("aria-current", "true");
        screenHeading.setText("What the candidate saw at " + ReviewTexts.offset(moment.offset()));
        var view = new CandidateScreenView(CandidateScreenView.Place.MIRROR, null);
        view.show(screenAt.apply(moment.seq()));
        screen.removeAll();
        screen.add(view);
        // On a phone the screen is below the list: bring it into view.
        screen.scrollIntoView();
    }

    /** The moments shown now (filters applied), in order. */
    List<Moment> shown() {
        List<Moment> visible = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            if (rows.get(i).isVisible()) {
                visible.add(moments.get(i));
            }
        }
        return visible;
    }

    /** Clicks the n-th shown moment (tests and keyboard users take the same path). */
    void selectShown(int index) {
        int seen = 0;
        for (int i = 0; i < moments.size(); i++) {
            if (rows.get(i).isVisible() && seen++ == index) {
                select(rows.get(i), moments.get(i));
                return;
            }
        }
    }

    private void filter() {
        Set<String> people = who.getValue();
        Set<MomentKind> wanted = kinds.getValue();
        for (int i = 0; i < moments.size(); i++) {
            Moment moment = moments.get(i);
            rows.get(i).setVisible((people.isEmpty() || people.contains(moment.who()))
                    && (wanted.isEmpty() || wanted.contains(moment.kind())));
        }
    }
}
