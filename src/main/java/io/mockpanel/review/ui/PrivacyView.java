package io.mockpanel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.mockpanel.base.ui.Confirmation;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.review.PrivacyService;
import io.mockpanel.review.ReviewException;
import io.mockpanel.review.PrivacyService.CandidateMatch;
import io.mockpanel.review.PrivacyService.Footprint;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * Admins honour a candidate's privacy request: find the person, see what is held about them, and
 * anonymise or delete it (each asks first and is audited). Also shows the retention setting.
 */
@Route("privacy")
@PageTitle("Privacy")
@Menu(title = "Privacy", order = 91, icon = "vaadin:shield")
@RolesAllowed(AppRoles.ADMIN)
class PrivacyView extends VerticalLayout {

    private final PrivacyService privacy;
    final ComboBox<CandidateMatch> candidate = new ComboBox<>("Candidate");
    final FootprintPanel footprint = new FootprintPanel();
    final Button anonymise = new Button("Anonymise…");
    final Button delete = new Button("Delete all data…");
    final Span blocked = new Span();
    private final VerticalLayout selected = new VerticalLayout();

    PrivacyView(PrivacyService privacy) {
        this.privacy = privacy;
        addClassName("privacy-view");
        setMaxWidth("var(--mp-max-width)");
        getStyle().set("margin", "0 auto");

        var intro = new Paragraph("Honour a candidate's request about their data. Anonymising keeps the scores of "
                + "their sessions and removes their name, e-mail addresses and every text about them; deleting "
                + "removes the candidate and all their sessions. Both are written to the ");
        intro.add(new RouterLink("audit log", AuditLogView.class), new Span("."));
        intro.getStyle().set("margin", "0").set("color", "var(--lumo-secondary-text-color)");

        candidate.setId("candidate");
        candidate.setPlaceholder("Part of the name, or the exact e-mail address");
        candidate.setHelperText("Anonymised candidates are listed under their new name.");
        candidate.setWidthFull();
        candidate.setMaxWidth("40em");
        candidate.setClearButtonVisible(true);
        candidate.setItemLabelGenerator(PrivacyView::label);
        candidate.setItems(query -> privacy.findCandidates(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        candidate.addValueChangeListener(e -> show(e.getValue()));

        anonymise.setId("anonymise");
        anonymise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        anonymise.addClickListener(e -> askAnonymise());
        delete.setId("delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> askDelete());
        blocked.setId("blocked");
        blocked.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        var actions = new FlexLayout(anonymise, delete);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");

        selected.setPadding(false);
        selected.setSpacing(false);
        selected.add(footprint, blocked, actions);
        selected.setVisible(false);

        add(intro, candidate, selected, new RetentionPanel(privacy.retention()));
    }

    private static String label(CandidateMatch match) {
        return match.name() + (match.email() == null ? "" : " · " + match.email()) + " · " + match.sessions()
                + (match.sessions() == 1 ? " session" : " sessions");
    }

    private void show(@Nullable CandidateMatch match) {
        if (match == null) {
            selected.setVisible(false);
            return;
        }
        refresh(match.id());
    }

    private void refresh(long candidateId) {
        Footprint held;
        try {
            held = privacy.footprint(candidateId);
        } catch (ReviewException e) {
            Notifications.error(e.getMessage());
            candidate.clear();
            return;
        }
        footprint.show(held);
        String reason = held.liveSessions() > 0
                ? "A session of this candidate is live: end it first, then anonymise or delete."
                : held.scheduledSessions() > 0
                        ? "A session of this candidate is scheduled: cancel it before anonymising (deleting is possible)."
                        : held.anonymised() ? "This candidate is already anonymised." : "";
        blocked.setText(reason);
        blocked.setVisible(!reason.isEmpty());
        anonymise.setEnabled(held.liveSessions() == 0 && held.scheduledSessions() == 0 && !held.anonymised());
        delete.setEnabled(held.liveSessions() == 0);
        selected.setVisible(true);
    }

    private void askAnonymise() {
        Footprint held = footprint.current();
        if (held == null) {
            return;
        }
        Confirmation.ask("confirm-anonymise", "Anonymise " + held.name() + "?",
                "Their " + sessions(held.sessions()) + " keep scores, recommendations and times. The name becomes \""
                        + held.neutralName() + "\", " + count(held.emails().size(), "e-mail address is", "e-mail addresses are") + " removed, and "
                        + "the text of " + held.notes() + " notes (private ones too), " + held.coachingNotes()
                        + " coaching notes, score justifications and the candidate's own comments is erased; "
                        + count(held.reports(), "development report and its link are", "development reports and their "
                        + "links are") + " deleted. This cannot be undone.",
                "Anonymise", () -> run(() -> {
                    var done = privacy.anonymise(held.candidateId());
                    Notifications.success("Anonymised: " + sessions(done.sessions()) + ", " + done.notes()
                            + " notes erased. The candidate is now " + held.neutralName() + ".");
                    refresh(held.candidateId());
                }));
    }

    private void askDelete() {
        Footprint held = footprint.current();
        if (held == null) {
            return;
        }
        new DeleteCandidateDialog(held, typed -> run(() -> {
            var done = privacy.delete(held.candidateId(), typed);
            Notifications.success("Deleted the candidate and " + sessions(done.sessions()) + ".");
            candidate.clear();
        })).open();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (ReviewException e) {
            Notifications.error(e.getMessage());
            Footprint held = footprint.current();
            if (held != null) {
                // What stopped it (a session started meanwhile) shows on the page too.
                refresh(held.candidateId());
            }
        }
    }

    static String sessions(int count) {
        return count(count, "session", "sessions");
    }

    static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** The retention setting, read-only, and what the job did last. */
    static final class RetentionPanel extends VerticalLayout {

        RetentionPanel(PrivacyService.RetentionStatus status) {
            setId("retention");
            setPadding(false);
            setSpacing(false);
            getStyle().set("margin-top", "var(--lumo-space-l)");
            var heading = new H2("Retention");
            heading.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
            var setting = new Paragraph(status.enabled()
                    ? "Sessions are anonymised " + status.anonymiseAfterDays() + " days after they ended or were "
                            + "cancelled. The job runs on the schedule \"" + status.cron() + "\" (at most hourly)."
                    : "Off: sessions keep their data until an admin anonymises or deletes them. Set "
                            + "mockpanel.retention.anonymise-after-days to a number of days to turn it on.");
            setting.setId("retention-setting");
            var last = new Paragraph(status.lastRanAt() == null
                    ? "The job has not run yet."
                    : "Last run " + Formats.when(status.lastRanAt()) + ": anonymised "
                            + sessions(status.lastAnonymised()) + " that ended before "
                            + Formats.day(status.lastCutoff()) + ".");
            last.setId("retention-last");
            for (var text : new Paragraph[] {setting, last}) {
                text.getStyle().set("margin", "var(--lumo-space-xs) 0");
            }
            last.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(heading, setting, last);
        }
    }
}
