package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import io.mockpanel.panel.NewSchedule;
import io.mockpanel.panel.SessionScheduling;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The invite card's "send by e-mail" and the list of the session's mails with their states. */
class InviteCardMailTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;

    @Autowired
    SessionScheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.mockpanel.security.AccountService accounts;

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    private TestPanel.Panel scheduledWithEmail() {
        TestPanel.Panel panel = testPanel.scheduled();
        jdbc.sql("update panel_session set candidate_email = 'casey@example.org' where id = ?")
                .param(panel.sessionId()).update();
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> scheduling.reschedule(panel.sessionId(),
                new NewSchedule(LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2),
                        LocalTime.of(15, 0)), "Europe/Berlin", 60)));
        return panel;
    }

    private SessionView open(TestPanel.Panel panel) {
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/" + panel.sessionId());
        MockVaadin.clientRoundtrip(false);
        return _get(SessionView.class);
    }

    private static List<String> mailLines() {
        return _find(ListItem.class, spec -> spec.withClasses("invitation-mail")).stream()
                .map(item -> item.getElement().getTextRecursively()).filter(line -> line.startsWith("Invitation"))
                .toList();
    }

    @Test
    void the_lead_issues_the_link_by_email_and_sees_the_mail_queued_then_retries_it_when_failed() {
        TestPanel.Panel panel = scheduledWithEmail();
        open(panel);
        assertThat(_find(ListItem.class, spec -> spec.withClasses("invitation-mail"))).as("no mails yet").isEmpty();

        _get(Checkbox.class, spec -> spec.withId("invite-by-mail")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("issue-invite")));

        assertThat(mailLines()).singleElement().asString().contains("Queued")
                .contains("to Casey Candidate <casey@example.org>");
        assertThat(_find(ListItem.class, spec -> spec.withClasses("invitation-mail"))).as("and the reminder")
                .hasSize(2);
        assertThat(_find(Button.class, spec -> spec.withClasses("retry-mail"))).isEmpty();

        jdbc.sql("update mail_outbox set state = 'FAILED', attempts = 8, last_error = 'connection refused' "
                + "where session_id = ? and kind = 'INVITATION'").param(panel.sessionId()).update();
        open(panel);
        assertThat(mailLines()).singleElement().asString().contains("Failed").contains("Not sent: connection refused.");

        _click(_get(Button.class, spec -> spec.withClasses("retry-mail")));
        assertThat(mailLines()).singleElement().asString().contains("Queued").doesNotContain("Failed");
    }

    @Test
    void the_links_expiry_is_in_the_leads_own_zone_named_like_every_other_time_on_the_console() {
        TestPanel.Panel panel = scheduledWithEmail();
        login(panel.lead(), "INTERVIEWER");
        ExtendedClientDetails.updateFromValues(UI.getCurrent(),
                Map.of("v-sw", "1440", "v-sh", "900", "v-tzid", "Asia/Tokyo")::get);
        UI.getCurrent().navigate("sessions/" + panel.sessionId());
        MockVaadin.clientRoundtrip(false);

        _click(_get(Button.class, spec -> spec.withId("issue-invite")));

        java.time.OffsetDateTime expiresAt = jdbc.sql("select expires_at from session_invite where session_id = ?")
                .param(panel.sessionId()).query(java.time.OffsetDateTime.class).single();
        String expires = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
                .format(expiresAt.atZoneSameInstant(ZoneId.of("Asia/Tokyo")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("invite-status")).getText())
                .contains("valid until " + expires + " JST (Asia/Tokyo)");
    }

    @Test
    void without_a_candidate_address_there_is_no_email_option() {
        TestPanel.Panel panel = testPanel.scheduled();
        open(panel);
        assertThat(_find(Checkbox.class, spec -> spec.withId("invite-by-mail"))).isEmpty();
    }

    @Test
    void the_panels_mails_are_listed_with_their_kind_and_whom_they_are_for() {
        TestPanel.Panel panel = testPanel.scheduled();
        PanelViewSupport.as("fixture-admin", "ADMIN", () -> {
            for (String member : List.of(panel.lead(), panel.panelist())) {
                long id = accounts.listAccounts().stream().filter(a -> a.username().equals(member)).findFirst()
                        .orElseThrow().id();
                accounts.changeEmail(id, member + "@example.org");
            }
        });
        PanelViewSupport.as(panel.lead(), "INTERVIEWER", () -> scheduling.reschedule(panel.sessionId(),
                new NewSchedule(LocalDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2),
                        LocalTime.of(15, 0)), "Europe/Berlin", 60)));
        open(panel);

        List<ListItem> items = _find(ListItem.class, spec -> spec.withClasses("invitation-mail"));
        assertThat(items).filteredOn(item -> item.getElement().getAttribute("data-kind").equals("PANEL_INVITATION"))
                .extracting(InviteCardMailTest::whatAndWhom).containsExactly(
                        "Panel invitation | Queued | to Lee Lead <" + panel.lead() + "@example.org>",
                        "Panel invitation | Queued | to Pat Panelist <" + panel.panelist() + "@example.org>");
        assertThat(items).filteredOn(item -> item.getElement().getAttribute("data-kind").equals("REMINDER"))
                .hasSize(2);
    }

    /** "Panel invitation | Queued | to Lee Lead <lee@example.org>": the kind, its state badge, whom it is for. */
    private static String whatAndWhom(ListItem item) {
        var head = item.getElement().getChild(0);
        return head.getChild(0).getText() + " | " + head.getChild(1).getTextRecursively() + " | "
                + item.getElement().getChild(1).getTextRecursively();
    }
}
