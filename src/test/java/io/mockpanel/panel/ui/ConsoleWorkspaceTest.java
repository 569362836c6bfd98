package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console as one screen: regions and tabs, the invite card's place, roles and the shortcut list. */
class ConsoleWorkspaceTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    private SessionView open(TestPanel.Panel panel, String username, String role) {
        login(username, role);
        UI.getCurrent().navigate("sessions/" + panel.sessionId());
        MockVaadin.clientRoundtrip(false);
        return _get(SessionView.class);
    }

    private static boolean inSeeRegion(SessionView view) {
        return !_find(view.workspace, InviteCard.class).isEmpty();
    }

    @Test
    void the_invite_card_leads_the_see_region_until_the_candidate_joins_then_folds_into_the_header() {
        TestPanel.Panel panel = testPanel.live();
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        assertThat(inSeeRegion(view)).isTrue();
        assertThat(view.header.invite.isVisible()).isFalse();

        testPanel.join(panel, "Casey");

        assertThat(PanelViewSupport.awaitUi(() -> !inSeeRegion(view), Duration.ofSeconds(10)))
                .as("the card left the see region once the candidate was in").isTrue();
        assertThat(view.header.invite.isVisible()).isTrue();
        _click(view.header.invite);
        Dialog dialog = _get(Dialog.class, spec -> spec.withId("invite-dialog"));
        assertThat(_find(dialog, Button.class, spec -> spec.withId("revoke-invite"))).hasSize(1);

        // Revoked from the dialog: the link must be shared again, so the card comes back into view.
        _click(_get(dialog, Button.class, spec -> spec.withId("revoke-invite")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(
                _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("confirm-revoke")));
        assertThat(PanelViewSupport.awaitUi(() -> inSeeRegion(view), Duration.ofSeconds(10))).isTrue();
        assertThat(view.header.invite.isVisible()).isFalse();
    }

    @Test
    void a_co_panelist_gets_no_invite_card_no_invite_button_and_no_life_cycle_buttons() {
        TestPanel.Panel panel = testPanel.live();
        testPanel.join(panel, "Casey");
        SessionView view = open(panel, panel.panelist(), "INTERVIEWER");

        assertThat(_find(view, InviteCard.class)).isEmpty();
        assertThat(view.header.invite.isVisible()).isFalse();
        assertThat(_find(view, Button.class, spec -> spec.withId("end-session"))).isEmpty();
        assertThat(_find(view, Button.class, spec -> spec.withId("push-next"))).hasSize(1);
        // A phone shows a summary instead of the list: only this panelist's own screen is open.
        var summary = _get(view, com.vaadin.flow.component.html.Span.class, spec -> spec.withId("panel-summary"));
        assertThat(summary.getText()).isEqualTo("Panel: 1 of 3 online");
        assertThat(summary.getElement().getAttribute("title")).isEqualTo("Online: Pat Panelist");
    }

    @Test
    void the_narrow_screen_tabs_and_the_write_region_tabs_show_the_same_pane() {
        TestPanel.Panel panel = testPanel.live();
        SessionView view = open(panel, panel.lead(), "INTERVIEWER");
        Workspace workspace = view.workspace;
        assertThat(workspace.region()).isEqualTo("run");
        assertThat(workspace.activePane()).isEqualTo("notes");
        Tabs regionTabs = _get(workspace, Tabs.class, spec -> spec.withId("region-tabs"));
        assertThat(_find(regionTabs, Tab.class)).extracting(Tab::getLabel).containsExactly("Run", "See", "Write", "Score");
        Div scorePane = _get(workspace, Div.class, spec -> spec.withAttribute("data-pane", "score"));
        assertThat(scorePane.getComponentCount()).as("scoring is built when its tab first opens").isZero();

        regionTabs.setSelectedTab(_get(regionTabs, Tab.class, spec -> spec.withId("tab-score")));
        assertThat(workspace.region()).isEqualTo("write");
        assertThat(workspace.activePane()).isEqualTo("score");
        assertThat(_find(scorePane, io.mockpanel.scoring.ui.ScoringPanel.class)).hasSize(1);
        Tabs writeTabs = _get(workspace, Tabs.class, spec -> spec.withId("write-tabs"));
        assertThat(writeTabs.getSelectedTab().getLabel()).isEqualTo("Score");

        writeTabs.setSelectedTab(_get(writeTabs, Tab.class, spec -> spec.withId("wide-tab-notes")));
        assertThat(workspace.activePane()).isEqualTo("notes");
        writeTabs.setSelectedTab(_get(writeTabs, Tab.class, spec -> spec.withId("wide-tab-score")));
        writeTabs.setSelectedTab(_get(writeTabs, Tab.class, spec -> spec.withId("wide-tab-notes")));
        assertThat(_find(scorePane, io.mockpanel.scoring.ui.ScoringPanel.class)).as("built once, kept").hasSize(1);
        assertThat(regionTabs.getSelectedTab().getLabel()).isEqualTo("Write");

        regionTabs.setSelectedTab(_get(regionTabs, Tab.class, spec -> spec.withId("tab-see")));
        assertThat(workspace.region()).isEqualTo("see");
        assertThat(workspace.activePane()).as("the write region keeps its pane").isEqualTo("notes");
    }

    @Test
    void the_shortcut_list_names_the_panel_keys_for_a_panelist_and_only_the_list_key_for_an_observer() {
        TestPanel.Panel panel = testPanel.live();
        SessionView lead = open(panel, panel.lead(), "INTERVIEWER");
        lead.showShortcuts();
        Dialog leadHelp = _get(Dialog.class, spec -> spec.withId("shortcut-help"));
        assertThat(leadHelp.getElement().getTextRecursively()).contains("Alt+N").contains("Push the next item")
                .contains("Alt+P").contains("?");
        leadHelp.close();
        PanelViewSupport.closeView();

        SessionView coach = open(panel, panel.coach(), "COACH");
        coach.showShortcuts();
        String coachList = _get(Dialog.class, spec -> spec.withId("shortcut-help")).getElement().getTextRecursively();
        assertThat(coachList).doesNotContain("Alt+N").contains("Show this list");
    }
}
