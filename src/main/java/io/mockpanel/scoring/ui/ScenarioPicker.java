package io.mockpanel.scoring.ui;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Which scenario of the agenda the scoring shows. It follows the scenario the session is on
 * (marked "now") until its user picks one, and from then on leaves the choice to them: someone
 * finishing the last scenario's sheet is not pulled away when the lead moves on.
 */
final class ScenarioPicker extends Select<Integer> {

    private final List<String> titles;
    private @Nullable Integer current;
    private boolean chosenByUser;

    /** {@code onShow} hears every change of the scenario shown, by the user or by following. */
    ScenarioPicker(List<String> titles, @Nullable Integer current, IntConsumer onShow) {
        this.titles = List.copyOf(titles);
        this.current = current;
        setId("scoring-scenario");
        setLabel("Scenario");
        addClassName("scoring-scenario");
        setItems(IntStream.range(0, titles.size()).boxed().toList());
        setItemLabelGenerator(this::label);
        if (!titles.isEmpty()) {
            setValue(current == null ? 0 : current);
        }
        addValueChangeListener(e -> {
            if (e.isFromClient()) {
                chosenByUser = true;
            }
            if (e.getValue() != null && !Objects.equals(e.getValue(), e.getOldValue())) {
                onShow.accept(e.getValue());
            }
        });
    }

    boolean onAgenda(int position) {
        return position >= 0 && position < titles.size();
    }

    /** The session is now on {@code now} (or on none): marks it, and shows it unless the user chose. */
    void follow(@Nullable Integer now) {
        if (Objects.equals(now, current)) {
            return;
        }
        current = now;
        getListDataView().refreshAll();
        if (now != null && !chosenByUser) {
            setValue(now);
        }
    }

    private String label(Integer position) {
        return (position + 1) + ". " + titles.get(position) + (position.equals(current) ? " · now" : "");
    }
}
