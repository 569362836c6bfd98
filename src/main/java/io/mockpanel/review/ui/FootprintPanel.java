package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.review.PrivacyService.Footprint;
import org.jspecify.annotations.Nullable;

/** What is held about one candidate, as counts: what an anonymisation or a deletion would touch. */
class FootprintPanel extends Composite<Div> {

    private @Nullable Footprint current;

    FootprintPanel() {
        getContent().setId("footprint");
        getContent().setWidthFull();
        getContent().getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-s)");
    }

    @Nullable Footprint current() {
        return current;
    }

    void show(Footprint held) {
        current = held;
        Div content = getContent();
        content.removeAll();
        var name = new H2(held.name());
        name.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0")
                .set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
                .set("flex-wrap", "wrap");
        if (held.anonymised()) {
            name.add(Badge.of("Anonymised", "contrast"));
        }
        content.add(name);
        content.add(fact("E-mail addresses", held.emails().isEmpty() ? "none" : String.join(", ", held.emails())));
        content.add(fact("First seen", Formats.day(held.createdAt())));
        String states = held.liveSessions() + " live, " + held.scheduledSessions() + " scheduled, "
                + held.anonymisedSessions() + " anonymised";
        content.add(fact("Sessions", held.sessions() + " (" + states + ")"));
        content.add(fact("Notes with text", held.notes() + " (private ones included)"));
        content.add(fact("Coaching notes", Integer.toString(held.coachingNotes())));
        content.add(fact("Development reports", Integer.toString(held.reports())));
        content.add(fact("Candidate's own comments", Integer.toString(held.candidateTexts())));
    }

    private static Div fact(String label, String value) {
        var term = new Span(label);
        // The value's basis makes every row stack on a phone and none on a desktop, not some of each.
        term.getStyle().set("color", "var(--lumo-secondary-text-color)").set("flex", "0 0 13em");
        var text = new Span(value);
        text.addClassName("fact-value");
        text.getStyle().set("overflow-wrap", "anywhere").set("flex", "1 1 14em").set("min-width", "0");
        var row = new Div(term, text);
        row.addClassName("fact");
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("column-gap", "var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return row;
    }
}
