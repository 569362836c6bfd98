package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.review.AuditLog;
import io.mockpanel.review.AuditTrail;
import io.mockpanel.security.Unique;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit log: newest first, filtered by action, who, subject and day; admins only. */
class AuditLogViewTest extends KaribuTest {

    @Autowired
    AuditLog audit;

    private String actor;
    private long session;

    @BeforeEach
    void someRecords() {
        actor = "auditor-" + Unique.suffix();
        session = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        audit.record(actor, AuditLog.Action.VIEWED_SESSION, "session " + session, "");
        audit.record(actor, AuditLog.Action.EXPORTED_SESSION, "session " + session, "PDF");
        audit.record(actor, AuditLog.Action.ANONYMISED_CANDIDATE, "candidate " + session, "1 sessions (" + session + ")");
    }

    private AuditLogView open() {
        login("audit-admin", "ADMIN");
        UI.getCurrent().navigate("audit");
        MockVaadin.clientRoundtrip(false);
        return _get(AuditLogView.class);
    }

    private static List<String> rows(AuditLogView view) {
        return GridKt._findAll(view.grid).stream().map(e -> e.actor() + "|" + e.action() + "|" + e.subject()).toList();
    }

    @Test
    void an_admin_sees_the_newest_records_first() {
        AuditLogView view = open();

        assertThat(rows(view)).startsWith(actor + "|ANONYMISED_CANDIDATE|candidate " + session,
                actor + "|EXPORTED_SESSION|session " + session, actor + "|VIEWED_SESSION|session " + session);
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("Anonymised candidate");
    }

    @Test
    void filters_narrow_the_list_by_who_action_subject_and_day() {
        AuditLogView view = open();

        view.actor.setValue(actor);
        assertThat(rows(view)).hasSize(3);
        view.action.setValue(AuditLog.Action.VIEWED_SESSION);
        assertThat(rows(view)).containsExactly(actor + "|VIEWED_SESSION|session " + session);
        view.action.setValue(null);
        view.subject.setValue(Long.toString(session));
        assertThat(rows(view)).hasSize(3);
        view.subject.setValue("session " + session);
        assertThat(rows(view)).hasSize(2);
        view.from.setValue(LocalDate.now().plusDays(1));
        assertThat(rows(view)).isEmpty();
        assertThat(view.to.getMin()).isEqualTo(LocalDate.now().plusDays(1));
        view.from.setValue(LocalDate.now().minusDays(1));
        view.to.setValue(LocalDate.now().plusDays(1));
        assertThat(rows(view)).hasSize(2);
    }

    @Test
    void the_filter_the_grid_asks_with_is_what_the_fields_say() {
        AuditLogView view = open();
        view.action.setValue(AuditLog.Action.DELETED_CANDIDATE);
        view.actor.setValue(" admin ");

        AuditTrail.Filter filter = view.filter();

        assertThat(filter.action()).isEqualTo(AuditLog.Action.DELETED_CANDIDATE);
        assertThat(filter.actor()).isEqualTo(" admin ");
    }

    @Test
    void coaches_and_interviewers_cannot_open_the_audit_log() {
        for (String role : List.of("COACH", "INTERVIEWER")) {
            login("someone-" + role.toLowerCase(), role);
            UI.getCurrent().navigate("audit");
            assertThat(UI.getCurrent().getCurrentView()).as(role).isInstanceOf(RouteNotFoundError.class);
            _assertNone(AuditLogView.class);
            assertThat(_get(Html.class).getInnerHtml()).contains("Access is denied");
            TestUsers.signOut();
        }
    }
}
