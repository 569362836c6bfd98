package io.mockpanel.review.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.mockpanel.base.UserFacingException;
import io.mockpanel.review.CoachingNoteService.PushedMoment;
import io.mockpanel.review.Moments;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The moment a coaching note written after the session is pinned to: typed as mm:ss, or picked
 * from the prompts pushed to the candidate (which fills in their moment), or left empty for none.
 */
final class CoachingMomentPicker extends Div {

    final TextField pin = new TextField("Moment (mm:ss)");
    final Select<PushedMoment> pick = new Select<>();

    CoachingMomentPicker() {
        pin.setId("coaching-pin");
        pin.setPlaceholder("e.g. 12:30");
        pin.setClearButtonVisible(true);
        pin.addClassName("coaching-pin");
        pick.setId("coaching-pick");
        pick.setLabel("or a prompt pushed");
        pick.setPlaceholder("Pick a prompt");
        pick.setEmptySelectionAllowed(true);
        pick.setEmptySelectionCaption("No prompt");
        pick.setItemLabelGenerator(push -> push == null ? "No prompt"
                : Moments.format(push.offset()) + " · " + push.label());
        pick.addClassName("coaching-pick");
        pick.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                pin.setValue(Moments.format(e.getValue().offset()));
            }
        });
        add(pin, pick);
        addClassName("coaching-pin-row");
        setId("coaching-pin-row");
    }

    /** The prompts to pick from and the session's length (null: it never ran, so nothing to pin to). */
    void offer(List<PushedMoment> pushed, @Nullable Duration length) {
        pick.setItems(pushed);
        pick.setVisible(!pushed.isEmpty());
        pin.setHelperText(length == null ? "This session never ran: notes have no moment."
                : "Between 00:00 and " + Moments.format(length) + "; empty for none.");
        pin.setEnabled(length != null);
    }

    /**
     * The moment typed or picked; null for none.
     *
     * @throws UserFacingException (a runtime exception) when what was typed is not a moment
     */
    @Nullable Duration moment() {
        if (pin.getValue().isBlank()) {
            return null;
        }
        return Moments.parse(pin.getValue()).orElseThrow(() -> new MomentException(
                "“" + pin.getValue().strip() + "” is not a moment: write minutes and seconds like 12:30 "
                        + "(or 1:02:30 with hours), or leave it empty for none. Nothing was saved."));
    }

    void clear() {
        pin.clear();
        pick.clear();
    }

    /** A moment that does not read; its message is for the user. */
    private static final class MomentException extends RuntimeException implements UserFacingException {
        MomentException(String message) {
            super(message);
        }
    }
}
