package io.mockpanel.scoring.ui;

import io.mockpanel.panel.ui.ConsoleContext;
import io.mockpanel.panel.ui.ConsoleSection;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.scoring.ScoringService;

/** Puts the scoring panel into every session console. */
@org.springframework.stereotype.Component
class ScoringConsoleSection implements ConsoleSection {

    private final ScoringService scoring;
    private final PanelSessionService sessions;

    ScoringConsoleSection(ScoringService scoring, PanelSessionService sessions) {
        this.scoring = scoring;
        this.sessions = sessions;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String title() {
        return "Score";
    }

    /** Most of a session is spent before scoring; the scale fields of every console wait until then. */
    @Override
    public boolean builtWhenOpened() {
        return true;
    }

    @Override
    public com.vaadin.flow.component.Component create(ConsoleContext context) {
        return new ScoringPanel(context.feed(), scoring, sessions);
    }
}
