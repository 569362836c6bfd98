package io.mockpanel.panel.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.mockpanel.panel.LiveControlService;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the tests of the notes parts share: the services they drive and a clean UI after each. */
abstract class NotesPartsTest extends KaribuTest {

    @Autowired
    NoteService notes;

    @Autowired
    SessionTimeline timeline;

    @Autowired
    SessionEventBus bus;

    @Autowired
    LiveControlService control;

    @Autowired
    TestPanel testPanel;

    @Autowired
    JdbcClient jdbc;

    /** Runs before the base class signs out: live refreshes still queued must not run signed out. */
    @AfterEach
    void unmount() {
        UI.getCurrent().removeAll();
        MockVaadin.runUIQueue();
    }
}
