package io.mockpanel.scoring.ui;

import io.mockpanel.panel.ConsoleSection;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.scoring.ScoringService;

/** Puts the scoring panel into every session console. */
@org.springframework.stereotype.Component
class ScoringConsoleSection implements ConsoleSection {

    private final ScoringService scoring;
    private final PanelSessionService sessions;
    private final SessionEventBus bus;

    ScoringConsoleSection(ScoringService scoring, PanelSessionService sessions, SessionEventBus bus) {
        this.scoring = scoring;
        this.sessions = sessions;
        this.bus = bus;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public com.vaadin.flow.component.Component create(long sessionId) {
        return new ScoringPanel(sessionId, scoring, sessions, bus);
    }
}
