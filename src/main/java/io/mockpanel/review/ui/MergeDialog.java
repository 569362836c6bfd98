package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.Candidate;
import io.mockpanel.review.CandidateService;
import io.mockpanel.review.ReviewException;
import java.util.function.Consumer;

/**
 * Picks another record of the same person to merge into the one on screen, then asks before merging
 * (a merge cannot be taken back: the other record is deleted).
 */
class MergeDialog extends Dialog {

    final ComboBox<Candidate> other = new ComboBox<>("Other record of this person");
    final Button merge = new Button("Merge…");

    MergeDialog(CandidateService candidates, Candidate kept, Consumer<Candidate> merged) {
        setId("merge-dialog");
        setHeaderTitle("Merge a duplicate into " + kept.displayName());
        var explanation = new Paragraph("Pick the other record. Its sessions and e-mail addresses move to "
                + kept.displayName() + ", which keeps its name; the other record is deleted.");
        explanation.addClassName("empty-state");
        other.setId("merge-other");
        other.setWidthFull();
        other.setPlaceholder("Search by name or e-mail");
        other.setItemLabelGenerator(MergeDialog::label);
        // Lazy: only the page the list shows is read, filtered in the database.
        other.setItems(query -> candidates.candidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        merge.setId("merge-start");
        merge.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        merge.setEnabled(false);
        other.addValueChangeListener(e -> {
            boolean same = e.getValue() != null && e.getValue().id() == kept.id();
            other.setHelperText(same ? "That is this record: pick the other record of this person." : null);
            merge.setEnabled(e.getValue() != null && !same);
        });
        merge.addClickListener(e -> ask(candidates, kept, other.getValue(), merged));
        add(explanation, other);
        getFooter().add(new Button("Cancel", e -> close()), merge);
        setWidth("min(36rem, 100vw)");
    }

    private void ask(CandidateService candidates, Candidate kept, Candidate duplicate, Consumer<Candidate> merged) {
        Confirmation.ask("merge-confirm", "Merge " + duplicate.displayName() + " into " + kept.displayName() + "?",
                sessions(duplicate.sessions()) + " and the e-mail addresses of " + label(duplicate) + " move to "
                        + kept.displayName() + ". The record " + duplicate.displayName()
                        + " is deleted. This cannot be undone.",
                "Merge", () -> {
                    try {
                        Candidate result = candidates.merge(kept.id(), duplicate.id());
                        close();
                        Notifications.success("Merged: " + result.displayName() + " now has "
                                + sessions(result.sessions()) + ".");
                        merged.accept(result);
                    } catch (ReviewException refused) {
                        Notifications.error(refused.getMessage());
                    }
                });
    }

    static String label(Candidate candidate) {
        return candidate.addresses().isEmpty() ? candidate.displayName() + " (no e-mail, #" + candidate.id() + ")"
                : candidate.displayName() + " (" + String.join(", ", candidate.addresses()) + ")";
    }

    private static String sessions(int n) {
        return n == 1 ? "1 session" : n + " sessions";
    }
}
