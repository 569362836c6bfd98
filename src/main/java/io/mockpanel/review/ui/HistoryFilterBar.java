package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import io.mockpanel.panel.SessionState;
import io.mockpanel.review.HistoryChoice;
import io.mockpanel.review.HistoryFilter;
import io.mockpanel.review.HistoryService;
import io.mockpanel.review.VerdictFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The history's filters in one compact bar, and their round trip through the page's query
 * parameters (so a reload, a shared link or the back button keep them). Unknown or malformed
 * parameters are dropped, never an error.
 */
class HistoryFilterBar extends Composite<Div> {

    static final String TEXT = "q";
    static final String CANDIDATE = "candidate";
    static final String SCENARIO = "scenario";
    static final String INTERVIEWER = "interviewer";
    static final String FROM = "from";
    static final String TO = "to";
    static final String STATE = "state";
    static final String VERDICT = "verdict";

    final TextField search = new TextField();
    final ComboBox<HistoryChoice<Long>> candidate = new ComboBox<>("Candidate");
    final ComboBox<HistoryChoice<Long>> scenario = new ComboBox<>("Scenario");
    final ComboBox<HistoryChoice<String>> interviewer = new ComboBox<>("Interviewer");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final ComboBox<SessionState> state = new ComboBox<>("State");
    final ComboBox<VerdictFilter> verdict = new ComboBox<>("Verdict");
    final Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create());

    private final HistoryService history;
    private final List<HistoryChoice<Long>> scenarios;
    private final List<HistoryChoice<String>> interviewers;
    private boolean filling;

    HistoryFilterBar(HistoryService history, Runnable changed) {
        this.history = history;
        this.scenarios = history.scenarios();
        this.interviewers = history.interviewers();
        getContent().addClassName("history-filters");

        search.setLabel("Search notes");
        search.setPlaceholder("Words in notes, \"a phrase\", -without");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(400);
        search.setMaxLength(HistoryFilter.MAX_TEXT);
        search.addClassName("history-search");

        candidate.setItems((CallbackDataProvider.FetchCallback<HistoryChoice<Long>, String>) query -> history
                .candidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        candidate.setItemLabelGenerator(HistoryChoice::label);
        candidate.setPlaceholder("Anyone");
        scenario.setItems(scenarios);
        scenario.setItemLabelGenerator(HistoryChoice::label);
        scenario.setPlaceholder("Any scenario");
        interviewer.setItems(interviewers);
        interviewer.setItemLabelGenerator(HistoryChoice::label);
        interviewer.setPlaceholder("Anyone");
        state.setItems(SessionState.values());
        state.setItemLabelGenerator(SessionState::label);
        state.setPlaceholder("Any state");
        verdict.setItems(VerdictFilter.values());
        verdict.setItemLabelGenerator(VerdictFilter::label);
        verdict.setPlaceholder("Any verdict");
        from.setPlaceholder("First day");
        to.setPlaceholder("Last day");
        for (var field : List.of(candidate, scenario, interviewer, state, verdict)) {
            field.setClearButtonVisible(true);
        }
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClassName("history-clear");
        clear.addClickListener(e -> {
            fill(HistoryFilter.NONE);
            changed.run();
        });

        List<HasValue<?, ?>> fields = List.of(search, candidate, scenario, interviewer, from, to, state, verdict);
        for (HasValue<?, ?> field : fields) {
            field.addValueChangeListener(e -> {
                if (!filling) {
                    changed.run();
                }
            });
        }
        var dates = new Div(from, to);
        dates.addClassName("history-dates");
        getContent().add(search, candidate, scenario, interviewer, dates, state, verdict, clear);
    }

    /** What the fields say now (not yet checked). */
    HistoryFilter filter() {
        return new HistoryFilter(key(candidate.getValue()), key(scenario.getValue()), key(interviewer.getValue()),
                from.getValue(), to.getValue(), state.getValue(), verdict.getValue(), search.getValue());
    }

    /** Sets every field at once, firing one change afterwards rather than one per field. */
    void fill(HistoryFilter filter) {
        filling = true;
        try {
            search.setValue(filter.text());
            candidate.setValue(filter.candidateId() == null ? null
                    : history.candidate(filter.candidateId()).orElse(null));
            scenario.setValue(find(scenarios, filter.scenarioId()));
            interviewer.setValue(find(interviewers, filter.interviewer()));
            from.setValue(filter.from());
            to.setValue(filter.to());
            state.setValue(filter.state());
            verdict.setValue(filter.verdict());
        } finally {
            filling = false;
        }
    }

    /** Clears the error marks of a previous check. */
    void valid() {
        search.setInvalid(false);
        to.setInvalid(false);
    }

    /** Marks the field a message is about. */
    void invalid(HistoryFilter filter, String message) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            to.setErrorMessage(message);
            to.setInvalid(true);
        } else {
            search.setErrorMessage(message);
            search.setInvalid(true);
        }
    }

    static QueryParameters toParameters(HistoryFilter filter) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, TEXT, filter.text().isBlank() ? null : filter.text());
        put(values, CANDIDATE, filter.candidateId());
        put(values, SCENARIO, filter.scenarioId());
        put(values, INTERVIEWER, filter.interviewer());
        put(values, FROM, filter.from());
        put(values, TO, filter.to());
        put(values, STATE, filter.state() == null ? null : filter.state().name().toLowerCase());
        put(values, VERDICT, filter.verdict() == null ? null : filter.verdict().name().toLowerCase().replace('_', '-'));
        return new QueryParameters(values);
    }

    static HistoryFilter fromParameters(QueryParameters parameters) {
        Map<String, List<String>> values = parameters.getParameters();
        Function<String, Optional<String>> one = name -> Optional.ofNullable(values.get(name))
                .flatMap(list -> list.stream().findFirst()).map(String::strip).filter(v -> !v.isEmpty());
        return new HistoryFilter(
                one.apply(CANDIDATE).flatMap(HistoryFilterBar::number).orElse(null),
                one.apply(SCENARIO).flatMap(HistoryFilterBar::number).orElse(null),
                one.apply(INTERVIEWER).orElse(null),
                one.apply(FROM).flatMap(HistoryFilterBar::date).orElse(null),
                one.apply(TO).flatMap(HistoryFilterBar::date).orElse(null),
                one.apply(STATE).flatMap(v -> constant(SessionState.class, v)).orElse(null),
                one.apply(VERDICT).flatMap(v -> constant(VerdictFilter.class, v.replace('-', '_'))).orElse(null),
                one.apply(TEXT).orElse(""));
    }

    private static void put(Map<String, List<String>> values, String name, @Nullable Object value) {
        if (value != null) {
            values.put(name, new ArrayList<>(List.of(value.toString())));
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String text) {
        try {
            return Optional.of(Enum.valueOf(type, text.toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static <K> @Nullable HistoryChoice<K> find(List<HistoryChoice<K>> choices, @Nullable K key) {
        return key == null ? null : choices.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    private static <K> @Nullable K key(@Nullable HistoryChoice<K> choice) {
        return choice == null ? null : choice.key();
    }
}
