package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.SessionSchedule;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.SessionSummary;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The sessions the user leads, sits on or observes, as an agenda: live now, then upcoming (soonest
 * first, "in 2 h"), then not scheduled, then past; each with its next action. Times are in the
 * viewer's browser zone, named; a session whose start has passed without it starting is flagged for
 * its lead.
 */
@Route("sessions")
@PageTitle("My sessions")
@Menu(title = "My sessions", order = 0, icon = "vaadin:calendar-user")
@RolesAllowed({AppRoles.INTERVIEWER, AppRoles.COACH})
class MySessionsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT);

    /** The agenda's groups, in the order shown. */
    enum Group {
        LIVE("Live now"), UPCOMING("Upcoming"), UNSCHEDULED("Not scheduled"), PAST("Past");

        final String heading;

        Group(String heading) {
            this.heading = heading;
        }

        static Group of(SessionSummary summary) {
            return switch (summary.state()) {
                case LIVE -> LIVE;
                case SCHEDULED -> summary.schedule() == null ? UNSCHEDULED : UPCOMING;
                case COMPLETED, CANCELLED -> PAST;
            };
        }
    }

    final Div cards = new Div();
    private final Instant now;
    private final ZoneId viewerZone;

    MySessionsView(PanelSessionService sessions, AuthenticationContext authentication, Clock clock) {
        addClassName("sessions-view");
        now = clock.instant();
        viewerZone = BrowserZone.current(ZoneId.systemDefault());
        var toolbar = new FlexLayout();
        toolbar.addClassName("library-actions");
        List<SessionSummary> mine = sessions.mySessions();
        var count = new Span(mine.size() == 1 ? "1 session" : mine.size() + " sessions");
        count.addClassName("result-count");
        toolbar.add(count);
        if (authentication.hasRole(AppRoles.INTERVIEWER)) {
            var create = new Button("New session", VaadinIcon.PLUS.create(),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NewSessionView.class)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-session");
            toolbar.add(create);
        }
        cards.addClassName("scenario-cards");
        cards.setId("session-cards");
        Group shown = null;
        for (SessionSummary summary : mine) {
            Group group = Group.of(summary);
            if (group != shown) {
                var heading = new H3(group.heading);
                heading.addClassName("agenda-heading");
                heading.setId("agenda-" + group.name().toLowerCase(java.util.Locale.ROOT));
                cards.add(heading);
                shown = group;
            }
            cards.add(card(summary));
        }
        if (mine.isEmpty()) {
            var empty = new Paragraph(authentication.hasRole(AppRoles.INTERVIEWER)
                    ? "No sessions yet. Create one with New session: pick the scenarios, invite co-panelists, "
                            + "then send the candidate the invite link."
                    : "No sessions yet. When an interviewer adds you as an observer, the session shows up here.");
            empty.addClassName("empty-state");
            cards.add(empty);
        }
        add(toolbar, cards);
    }

    private Card card(SessionSummary summary) {
        var card = new Card();
        card.addClassName("scenario-card");
        var title = new Span(summary.title());
        title.addClassName("scenario-card-title");
        card.setTitle(title);
        card.setSubtitle(new Span("Candidate: " + summary.candidateName()));
        var badges = new Div(Badge.of(summary.state().label(), stateVariant(summary.state())),
                Badge.of(summary.myRole().label(), "contrast"),
                Badge.of(summary.scenarioCount() == 1 ? "1 scenario" : summary.scenarioCount() + " scenarios",
                        "contrast"));
        badges.addClassName("badges");
        card.add(badges);
        SessionSchedule schedule = summary.schedule();
        if (schedule != null && summary.state() == SessionState.SCHEDULED) {
            ZoneId zone = BrowserZone.current(schedule.timeZone());
            boolean late = schedule.startsAt().isBefore(now);
            // A late one says how late in its flag; the line keeps the planned time.
            var when = new Div(new Span(WhenText.schedule(schedule, zone)));
            if (!late) {
                var relative = new Span(WhenText.relative(schedule.startsAt(), now, zone));
                relative.addClassName("session-when-relative");
                when.addComponentAsFirst(new Span(" · "));
                when.addComponentAsFirst(relative);
            }
            when.addClassName("session-when");
            card.add(when);
            if (late) {
                String howLate = WhenText.span(Duration.between(schedule.startsAt(), now));
                var flag = summary.myRole() == SessionRole.LEAD
                        ? Badge.of("Should have started " + howLate + " ago", "error")
                        : Badge.of("Due " + howLate + " ago", "contrast");
                flag.addClassName("overdue");
                badges.add(flag);
            }
        }
        var meta = new Span("Led by " + summary.leadName() + " · created "
                + WHEN.withZone(viewerZone).format(summary.createdAt()));
        meta.addClassName("scenario-card-counts");
        card.add(meta);
        boolean over = summary.state() == SessionState.COMPLETED || summary.state() == SessionState.CANCELLED;
        // A past session opens on its review page (the review feature's route; it builds on this one).
        var open = new Button(nextAction(summary), e -> e.getSource().getUI().ifPresent(ui -> {
            if (over) {
                ui.navigate(SessionView.reviewRoute(summary.id()));
            } else {
                ui.navigate(SessionView.class, new RouteParameters(SessionView.ID_PARAMETER,
                        String.valueOf(summary.id())));
            }
        }));
        open.addThemeVariants(summary.state() == SessionState.LIVE ? ButtonVariant.LUMO_PRIMARY
                : ButtonVariant.LUMO_TERTIARY);
        card.addToFooter(open);
        return card;
    }

    /** What the user most likely wants to do next with this session. */
    static String nextAction(SessionSummary summary) {
        return switch (summary.state()) {
            case SCHEDULED -> summary.myRole() == SessionRole.LEAD ? "Prepare and start" : "Open";
            case LIVE -> "Join the live session";
            case COMPLETED, CANCELLED -> "Review";
        };
    }

    static String[] stateVariant(SessionState state) {
        return switch (state) {
            case LIVE -> new String[] {"success"};
            case SCHEDULED -> new String[0];
            case COMPLETED, CANCELLED -> new String[] {"contrast"};
        };
    }
}
