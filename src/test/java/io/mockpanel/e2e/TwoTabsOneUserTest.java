package io.mockpanel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.mockpanel.support.Chromium;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.PanelPages;
import io.mockpanel.support.TestPanel;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One panelist, two tabs of the same console in ONE browser context (one user, one HTTP session,
 * one localStorage), editing the same note and the same score sheet. Each tab must end with a
 * visible conflict or a clean merge, the database must hold every text a tab showed as saved,
 * and nothing typed may vanish without a word.
 */
@IntegrationTest
class TwoTabsOneUserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    private BrowserContext context;
    private TestPanel.Panel panel;

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void the_same_note_edited_in_two_tabs_ends_in_a_visible_conflict_and_both_texts_are_kept() {
        Page[] tabs = twoConsoleTabs();
        Page one = tabs[0];
        Page two = tabs[1];

        String first = "Heard a clear incident commander structure";
        writeNote(one, first);
        assertSaved(one);
        editFromTimeline(two, first);
        assertThat(noteText(two)).isEqualTo(first);

        String byOne = first + ", and a blameless review (tab one)";
        writeNote(one, byOne);
        assertSaved(one);

        String byTwo = first + ", but no customer comms (tab two)";
        writeNote(two, byTwo);
        two.locator("#note-conflict").getByText("changed in another tab or window").waitFor();
        assertThat(two.locator("#note-status").textContent()).isEqualTo("Not saved: conflict.");
        assertThat(noteText(two)).as("tab two keeps what it typed").isEqualTo(byTwo);
        assertThat(notesInDatabase()).containsExactly(byOne);

        two.locator("#keep-mine-as-new").click();
        two.locator("#note-status").getByText("as a new note").waitFor();
        assertThat(two.locator("#note-conflict").isVisible()).isFalse();

        // A clean merge: each tab's timeline shows both notes, and both are stored.
        for (Page tab : tabs) {
            tab.locator("#notes-timeline").getByText(byOne).waitFor();
            tab.locator("#notes-timeline").getByText(byTwo).waitFor();
        }
        assertThat(one.locator("#note-conflict").isVisible()).isFalse();
        assertThat(notesInDatabase()).containsExactlyInAnyOrder(byOne, byTwo);
    }

    @Test
    void the_same_score_sheet_edited_in_two_tabs_ends_in_a_visible_conflict_and_the_saved_sheet_stays() {
        Page[] tabs = twoConsoleTabs();
        Page one = tabs[0];
        Page two = tabs[1];
        for (Page tab : tabs) {
            PanelPages.openPane(tab, "score");
        }

        // Tab two starts filling in the sheet (the field is left, so the server knows of it) ...
        score(two, 0, 2);
        justify(two, 0, "Tab two: escalation path was vague");
        two.locator("#justification-0 textarea").blur();
        // ... while tab one saves the same sheet.
        score(one, 0, 3);
        justify(one, 0, "Tab one: named an incident commander");
        saveDraft(one);

        two.locator("#scoring-message").getByText("saved in another tab or window").waitFor();
        assertThat(justification(two)).isEqualTo("Tab two: escalation path was vague");
        two.locator("#save-draft").click();
        two.locator("#scoring-message").getByText("another tab or window").waitFor();
        assertThat(sheetInDatabase()).containsExactly(new AreaRow(0, 3, "Tab one: named an incident commander"));
        assertThat(justification(two)).as("tab two still shows what it typed").isEqualTo(
                "Tab two: escalation path was vague");

        // Tab two chooses the saved version: a clean merge.
        two.locator("#reload-sheet").click();
        waitUntil(two, () -> justification(two).equals("Tab one: named an incident commander"));
        assertThat(two.locator("#scoring-message").isVisible()).isFalse();
    }

    @Test
    void typing_in_one_tab_is_not_wiped_when_the_other_tab_saves_the_same_sheet() {
        Page[] tabs = twoConsoleTabs();
        Page one = tabs[0];
        Page two = tabs[1];
        for (Page tab : tabs) {
            PanelPages.openPane(tab, "score");
        }
        score(one, 0, 3);
        justify(one, 0, "Tab one: first reasons");
        saveDraft(one);
        two.locator("#scoring-message").getByText("saved in another tab or window").waitFor();
        two.locator("#reload-sheet").click();
        waitUntil(two, () -> justification(two).equals("Tab one: first reasons"));

        // Tab two types, still in the field (nothing sent to the server yet) ...
        justify(two, 0, "Tab two: typing, not yet left the field");
        // ... when tab one saves again.
        justify(one, 0, "Tab one: second reasons");
        saveDraft(one);

        // Tab two must not quietly lose its typing: it keeps it and shows the conflict.
        waitUntil(two, () -> two.locator("#scoring-message").isVisible()
                || !justification(two).equals("Tab two: typing, not yet left the field"));
        assertThat(justification(two)).isEqualTo("Tab two: typing, not yet left the field");
        assertThat(two.locator("#scoring-message").textContent()).contains("saved in another tab or window");
        assertThat(sheetInDatabase()).containsExactly(new AreaRow(0, 3, "Tab one: second reasons"));
    }

    @Test
    void a_tab_with_an_unresolved_conflict_gets_its_text_back_after_a_reload() {
        Page[] tabs = twoConsoleTabs();
        Page one = tabs[0];
        Page two = tabs[1];
        String first = "Asked about the rollback plan";
        writeNote(one, first);
        assertSaved(one);
        editFromTimeline(two, first);
        writeNote(one, first + " (tab one)");
        assertSaved(one);
        String byTwo = first + " (tab two, not saved)";
        writeNote(two, byTwo);
        two.locator("#note-conflict").waitFor();

        // Tab one goes on editing its note and saves again; then tab two is reloaded.
        writeNote(one, first + " (tab one, again)");
        assertSaved(one);
        two.reload();
        two.waitForLoadState(LoadState.NETWORKIDLE);
        two.locator("#note-text").waitFor();

        // The mirror's promise: unsaved text comes back after a reload, here with its conflict.
        waitUntil(two, () -> noteText(two).equals(byTwo));
        assertThat(two.locator("#note-conflict").isVisible()).isTrue();
        assertThat(notesInDatabase()).containsExactly(first + " (tab one, again)");
    }

    /** Decision 0022: typing saves every second but wakes the other screens only when the writer pauses. */
    @Test
    void typing_is_saved_as_it_goes_but_the_other_tab_hears_of_it_when_the_writer_pauses() {
        Page[] tabs = twoConsoleTabs();
        Page one = tabs[0];
        Page two = tabs[1];
        String text = "Walked through the rollback, then the comms plan";

        one.locator("#note-text textarea").pressSequentially(text,
                new Locator.PressSequentiallyOptions().setDelay(70));
        waitUntil(one, () -> notesInDatabase().equals(List.of(text)));
        assertThat(noteEvents()).as("typing on: the creation only").isEqualTo(1);

        // No blur: the pause alone commits the note, and the other tab shows the whole text.
        two.locator("#notes-timeline").getByText(text).waitFor();
        assertThat(noteEvents()).isEqualTo(2);
        assertThat(one.locator("#note-text textarea").evaluate("e => e === document.activeElement"))
                .as("still typing in the field").isEqualTo(true);
    }

    // --- the two tabs ------------------------------------------------------------------------------

    /** A live session; its co-panelist signed in once, with the console open in two tabs. */
    private Page[] twoConsoleTabs() {
        panel = testPanel.live();
        context = chromium.person(1440, 900);
        Page one = context.newPage();
        PanelPages.signInByRequest(one, url(""), panel.panelist(), TestPanel.PASSWORD);
        Page two = context.newPage();
        for (Page tab : List.of(one, two)) {
            tab.navigate(url("sessions/" + panel.sessionId()));
            tab.waitForLoadState(LoadState.NETWORKIDLE);
            tab.locator("#note-text textarea").waitFor();
            // Scoring is built when its tab first opens (the tests that score open it); the tab
            // itself is the console's last part.
            tab.locator("#wide-tab-score").waitFor();
        }
        return new Page[] {one, two};
    }

    /** Types a note and leaves the field; unlike {@link PanelPages#writeNote} it does not wait for "Saved". */
    private static void writeNote(Page tab, String text) {
        tab.locator("#note-text textarea").fill(text);
        tab.locator("#note-text textarea").blur();
    }

    private static void assertSaved(Page tab) {
        tab.locator("#note-status").getByText("Saved").waitFor();
        waitUntil(tab, () -> tab.locator("#note-pending").textContent().isEmpty());
    }

    private static void editFromTimeline(Page tab, String text) {
        Locator entry = tab.locator("#notes-timeline .timeline-entry")
                .filter(new Locator.FilterOptions().setHasText(text));
        entry.first().locator(".edit-note").click();
        waitUntil(tab, () -> noteText(tab).equals(text));
    }

    private static String noteText(Page tab) {
        return tab.locator("#note-text textarea").inputValue();
    }

    private static void score(Page tab, int area, int score) {
        tab.locator("#score-area-" + area + " vaadin-radio-button").nth(score - 1).click();
    }

    private static void justify(Page tab, int area, String text) {
        tab.locator("#justification-" + area + " textarea").fill(text);
    }

    private static String justification(Page tab) {
        return tab.locator("#justification-0 textarea").inputValue();
    }

    private static void saveDraft(Page tab) {
        tab.locator("#save-draft").click();
        tab.locator("#my-sheet-state").getByText("draft").waitFor();
        waitUntil(tab, () -> tab.locator("#scoring-message").count() == 0
                || !tab.locator("#scoring-message").isVisible());
    }

    /** Polls in the page's own rhythm (Playwright's waits), up to 20 s; no sleeps in the test. */
    private static void waitUntil(Page tab, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            tab.waitForTimeout(50);
        }
    }

    // --- the database ------------------------------------------------------------------------------

    private List<String> notesInDatabase() {
        return jdbc.sql("select text from session_note where session_id = ? and author = ? order by id")
                .params(panel.sessionId(), panel.panelist()).query(String.class).list();
    }

    private long noteEvents() {
        return jdbc.sql("select count(*) from session_event where session_id = ? and type = 'NOTE_SAVED'")
                .param(panel.sessionId()).query(Long.class).single();
    }

    record AreaRow(int area, Integer score, String justification) {
    }

    private List<AreaRow> sheetInDatabase() {
        return jdbc.sql("""
                select a.area, a.score, a.justification from area_score a join score_sheet s on s.id = a.sheet_id
                 where s.session_id = ? and s.author = ? and s.scenario = 0 and (a.score is not null
                       or a.justification <> '')
                 order by a.area""")
                .params(panel.sessionId(), panel.panelist())
                .query((rs, row) -> new AreaRow(rs.getInt("area"), (Integer) rs.getObject("score", Integer.class),
                        rs.getString("justification")))
                .list();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }
}
