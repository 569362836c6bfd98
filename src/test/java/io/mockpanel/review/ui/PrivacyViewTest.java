package io.mockpanel.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouteNotFoundError;
import io.mockpanel.review.PrivacyFixture;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The privacy page: find a candidate, see what is held, anonymise or delete only after confirming. */
class PrivacyViewTest extends KaribuTest {

    @Autowired
    PrivacyFixture fixture;

    private PrivacyFixture.Person person;
    private long candidateId;

    @BeforeEach
    void aCandidateWithAnEndedSession() {
        person = PrivacyFixture.Person.random();
        candidateId = fixture.ended(person).candidateId();
        NotificationsKt.clearNotifications();
    }

    private PrivacyView open() {
        login("privacy-admin", "ADMIN");
        UI.getCurrent().navigate("privacy");
        MockVaadin.clientRoundtrip(false);
        return _get(PrivacyView.class);
    }

    /** Picks the candidate the way an admin does: typing the address, choosing the suggestion. */
    private PrivacyView openWithCandidate() {
        PrivacyView view = open();
        ComboBoxKt.setUserInput(view.candidate, person.email());
        assertThat(ComboBoxKt.getSuggestions(view.candidate)).containsExactly(
                person.name() + " · " + person.email() + " · 1 session");
        view.candidate.setValue(ComboBoxKt.getSuggestionItems(view.candidate).getFirst());
        return view;
    }

    @Test
    void choosing_a_candidate_shows_what_is_held_about_them() {
        PrivacyView view = openWithCandidate();

        String facts = view.footprint.getElement().getTextRecursively();
        assertThat(facts).contains(person.name(), person.email(), "Sessions1 (0 live, 0 scheduled, 0 anonymised)",
                "Notes with text2 (private ones included)");
        assertThat(view.anonymise.isEnabled()).isTrue();
        assertThat(view.delete.isEnabled()).isTrue();
        assertThat(view.blocked.isVisible()).isFalse();
    }

    @Test
    void anonymising_asks_first_and_cancelling_changes_nothing() {
        PrivacyView view = openWithCandidate();

        _click(view.anonymise);
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("confirm-anonymise"));
        assertThat(ConfirmDialogKt._getText(confirm)).contains("keep scores", "Anonymised candidate "
                + candidateId, "2 notes (private ones too)", "cannot be undone");
        ConfirmDialogKt._fireCancel(confirm);

        assertThat(fixture.candidateName(candidateId)).isEqualTo(person.name());
    }

    @Test
    void anonymising_after_confirming_renames_the_candidate_and_says_what_it_did() {
        PrivacyView view = openWithCandidate();

        _click(view.anonymise);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-anonymise")));

        String label = "Anonymised candidate " + candidateId;
        assertThat(fixture.candidateName(candidateId)).isEqualTo(label);
        assertThat(notifications()).containsExactly("Anonymised: 1 session, 2 notes erased. The candidate is now "
                + label + ".");
        assertThat(view.footprint.getElement().getTextRecursively()).contains(label, "Anonymised", "E-mail addressesnone");
        assertThat(view.anonymise.isEnabled()).isFalse();
        assertThat(view.blocked.getText()).isEqualTo("This candidate is already anonymised.");
    }

    @Test
    void delete_stays_disabled_until_the_candidates_name_is_typed() {
        PrivacyView view = openWithCandidate();

        _click(view.delete);
        DeleteCandidateDialog dialog = _get(DeleteCandidateDialog.class);
        assertThat(_get(dialog, Paragraph.class).getText()).contains("1 session", "cannot be undone");
        assertThat(dialog.confirm.isEnabled()).isFalse();
        dialog.typedName.setValue("Zephyrine");
        assertThat(dialog.confirm.isEnabled()).isFalse();
        assertThatThrownBy(() -> _click(dialog.confirm)).isInstanceOf(IllegalStateException.class);
        assertThat(fixture.candidateName(candidateId)).isEqualTo(person.name());

        dialog.typedName.setValue(" " + person.name().toLowerCase() + " ");
        assertThat(dialog.confirm.isEnabled()).isTrue();
        _click(dialog.confirm);

        assertThat(fixture.candidateName(candidateId)).isNull();
        assertThat(notifications()).containsExactly("Deleted the candidate and 1 session.");
        assertThat(view.candidate.getValue()).isNull();
        _assertNone(DeleteCandidateDialog.class);
    }

    @Test
    void a_live_session_blocks_both_actions_and_says_why() {
        fixture.session(person, "LIVE");
        PrivacyView view = open();
        ComboBoxKt.setUserInput(view.candidate, person.email());
        view.candidate.setValue(ComboBoxKt.getSuggestionItems(view.candidate).getFirst());

        assertThat(view.blocked.getText()).isEqualTo("A session of this candidate is live: end it first, then "
                + "anonymise or delete.");
        assertThat(view.anonymise.isEnabled()).isFalse();
        assertThat(view.delete.isEnabled()).isFalse();
    }

    @Test
    void a_session_that_went_live_after_the_page_opened_is_refused_with_the_services_message() {
        PrivacyView view = openWithCandidate();
        fixture.session(person, "LIVE");
        login("privacy-admin", "ADMIN");

        _click(view.anonymise);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-anonymise")));

        assertThat(notifications()).singleElement().asString().contains("is live: end it first");
        assertThat(fixture.candidateName(candidateId)).isEqualTo(person.name());
        assertThat(view.anonymise.isEnabled()).isFalse();
    }

    @Test
    void the_retention_setting_is_shown_read_only() {
        PrivacyView view = open();

        assertThat(_get(view, Paragraph.class, spec -> spec.withId("retention-setting")).getText())
                .startsWith("Off: sessions keep their data");
    }

    @Test
    void coaches_and_interviewers_cannot_open_the_privacy_page() {
        for (String role : List.of("COACH", "INTERVIEWER")) {
            login("someone-" + role.toLowerCase(), role);
            UI.getCurrent().navigate("privacy");
            assertThat(UI.getCurrent().getCurrentView()).as(role).isInstanceOf(RouteNotFoundError.class);
            _assertNone(PrivacyView.class);
            assertThat(_get(Html.class).getInnerHtml()).contains("Access is denied");
            TestUsers.signOut();
        }
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream()
                .map((Notification n) -> n.getElement().getProperty("text", "")).toList();
    }
}
