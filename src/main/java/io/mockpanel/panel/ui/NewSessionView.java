package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.mockpanel.panel.MeetingLink;
import io.mockpanel.panel.NewSession;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.ScheduleException;
import io.mockpanel.panel.SessionException;
import io.mockpanel.scenario.ScenarioFilter;
import io.mockpanel.scenario.ScenarioService;
import io.mockpanel.scenario.ScenarioSummary;
import io.mockpanel.security.AccountRole;
import io.mockpanel.security.AccountService;
import io.mockpanel.security.AppRoles;
import io.mockpanel.security.CurrentUser;
import io.mockpanel.security.Person;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Sets up a session: who is the candidate, which scenarios in which order, who sits on the panel. */
@Route("sessions/new")
@PageTitle("New session")
@RolesAllowed(AppRoles.INTERVIEWER)
class NewSessionView extends VerticalLayout {

    final TextField title = new TextField("Session title");
    final TextField candidateName = new TextField("Candidate's name");
    final EmailField candidateEmail = new EmailField("Candidate's email (optional)");
    final ComboBox<ScenarioSummary> scenarioPicker = new ComboBox<>("Add a scenario to the agenda");
    final MultiSelectComboBox<Person> panelists = new MultiSelectComboBox<>("Co-panelists");
    final MultiSelectComboBox<Person> observers = new MultiSelectComboBox<>("Observing coaches");
    /** When it starts (optional here: a session can be scheduled later from its console). */
    final ScheduleFields schedule;
    final TextField meetingUrl = new TextField("Video call link (optional)");
    final Button create = new Button("Create session");
    final Div error = new Div();

    private final List<ScenarioSummary> agenda = new ArrayList<>();
    private final OrderedList agendaList = new OrderedList();
    private final Paragraph agendaHint = new Paragraph("No scenario yet: add one or more from the library above.");
    private final PanelSessionService sessions;

    NewSessionView(PanelSessionService sessions, ScenarioService scenarios, AccountService accounts, Clock clock) {
        this.sessions = sessions;
        addClassName("new-session-view");
        schedule = new ScheduleFields(BrowserZone.current(BrowserZone.UTC), clock.instant());
        schedule.start.setHelperText("Optional: leave empty to schedule it later");
        meetingUrl.setId("meeting-url");
        meetingUrl.setMaxLength(MeetingLink.MAX_LENGTH);
        meetingUrl.setPlaceholder("https://zoom.us/j/… or https://meet.google.com/…");
        meetingUrl.setHelperText("Zoom, Google Meet, Teams or any https link; the candidate gets it too");

        title.setRequired(true);
        title.setMaxLength(200);
        title.setPlaceholder("e.g. VP Engineering mock panel");
        candidateName.setRequired(true);
        candidateName.setMaxLength(100);

        scenarioPicker.setItems(scenarios.search(ScenarioFilter.ALL));
        scenarioPicker.setItemLabelGenerator(s -> s.title() + " (" + s.durationMinutes() + " min)");
        scenarioPicker.setPlaceholder("Search the library");
        scenarioPicker.setId("scenario-picker");
        scenarioPicker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                agenda.add(e.getValue());
                scenarioPicker.clear();
                showAgenda();
            }
        });

        String me = CurrentUser.username().orElse("");
        panelists.setItems(accounts.activePeople(AccountRole.INTERVIEWER).stream()
                .filter(p -> !p.username().equals(me)).toList());
        panelists.setItemLabelGenerator(Person::displayName);
        observers.setItems(accounts.activePeople(AccountRole.COACH));
        observers.setItemLabelGenerator(Person::displayName);

        var form = new FormLayout(title, candidateName, candidateEmail, panelists, observers, schedule.start,
                schedule.zone, schedule.minutes, meetingUrl);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 2));
        form.setColspan(title, 2);
        form.setColspan(meetingUrl, 2);

        agendaList.addClassName("agenda-list");
        agendaList.setId("agenda-list");
        agendaHint.addClassName("empty-state");
        var agendaBox = new Div(new H3("Agenda"), scenarioPicker, agendaHint, agendaList);
        agendaBox.addClassName("agenda-box");
        scenarioPicker.setWidthFull();

        error.addClassName("import-error");
        error.setId("session-error");
        error.setVisible(false);
        error.getElement().setAttribute("role", "alert");

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-session");
        create.addClickListener(e -> submit());
        var cancel = new Button("Cancel", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(MySessionsView.class)));
        var buttons = new FlexLayout(create, cancel);
        buttons.addClassName("import-buttons");

        add(form, agendaBox, error, buttons);
        showAgenda();
    }

    void submit() {
        error.setVisible(false);
        schedule.clearErrors();
        meetingUrl.setInvalid(false);
        try {
            long id = sessions.create(new NewSession(title.getValue(), candidateName.getValue(),
                    candidateEmail.getValue(), agenda.stream().map(ScenarioSummary::id).toList(),
                    panelists.getSelectedItems().stream().map(Person::username).toList(),
                    observers.getSelectedItems().stream().map(Person::username).toList(),
                    schedule.hasStart() ? schedule.value() : null, meetingUrl.getValue()));
            getUI().ifPresent(ui -> ui.navigate(SessionView.class,
                    new RouteParameters(SessionView.ID_PARAMETER, String.valueOf(id))));
        } catch (ScheduleException e) {
            if (!schedule.showError(e)) {
                meetingUrl.setErrorMessage(e.getMessage());
                meetingUrl.setInvalid(true);
            }
        } catch (SessionException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
        }
    }

    private void showAgenda() {
        agendaList.removeAll();
        agendaHint.setVisible(agenda.isEmpty());
        if (agenda.isEmpty()) {
            schedule.agendaTotal(0);
            return;
        }
        int total = 0;
        for (int i = 0; i < agenda.size(); i++) {
            ScenarioSummary scenario = agenda.get(i);
            total += scenario.durationMinutes();
            int index = i;
            var up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(index, -1));
            up.setEnabled(i > 0);
            up.setAriaLabel("Move " + scenario.title() + " up");
            var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                agenda.remove(index);
                showAgenda();
            });
            remove.setAriaLabel("Remove " + scenario.title());
            for (Button b : List.of(up, remove)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            }
            var label = new Span(scenario.title() + " · " + scenario.durationMinutes() + " min");
            var item = new ListItem(label, up, remove);
            item.addClassName("agenda-item");
            agendaList.add(item);
        }
        schedule.agendaTotal(total);
        var totalItem = new Span("Total: " + total + " minutes");
        totalItem.addClassName("scenario-card-counts");
        agendaList.add(totalItem);
    }

    private void move(int index, int delta) {
        int target = index + delta;
        if (target >= 0 && target < agenda.size()) {
            agenda.add(target, agenda.remove(index));
            showAgenda();
        }
    }
}
