package io.mockpanel.review.ui;

import com.vaadin.flow.component.Component;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.SessionRole;
import io.mockpanel.panel.ui.ConsoleContext;
import io.mockpanel.panel.ui.ConsoleSection;
import io.mockpanel.review.CoachingNoteService;
import java.util.List;

/** Puts the coaching notes into the console of an observing coach (no one else's console has them). */
@org.springframework.stereotype.Component
class CoachingConsoleSection implements ConsoleSection {

    static final String TITLE = "Coaching";

    private final CoachingNoteService coaching;

    CoachingConsoleSection(CoachingNoteService coaching) {
        this.coaching = coaching;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public boolean shownTo(SessionRole role) {
        return role == SessionRole.OBSERVER;
    }

    /** Alt+M is the panel's "write a note", which observers do not have: for them it writes a coaching note. */
    @Override
    public List<ShortcutHint> shortcuts(SessionRole role) {
        return shownTo(role) ? List.of(CoachingConsolePane.SHORTCUT) : List.of();
    }

    @Override
    public Component create(ConsoleContext context) {
        return new CoachingConsolePane(context, coaching);
    }
}
