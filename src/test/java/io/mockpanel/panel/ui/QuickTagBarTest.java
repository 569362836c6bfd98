package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.panel.ui.NotesTestSupport.timelineTags;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import io.mockpanel.support.TestPanel;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class QuickTagBarTest extends NotesPartsTest {

    @Autowired
    PanelSessionService sessions;

    private QuickTagBar mount(long sessionId, String username) {
        login(username, "INTERVIEWER");
        return NotesTestSupport.mount(timeline, bus, notes, sessionId).tags();
    }

    @Test
    void clicking_a_quick_tag_adds_it_to_the_timeline_with_the_prompt_on_screen() {
        TestPanel.Panel p = testPanel.live();
        TestUsers.signIn(p.lead(), "INTERVIEWER");
        control.push(p.sessionId(), PromptRef.of(0, PromptKind.SITUATION));
        QuickTagBar tags = mount(p.sessionId(), p.panelist());

        _click(_get(Button.class, spec -> spec.withId("tag-star_situation")));

        assertThat(tags.tagStatus.getText()).startsWith("Tagged \u201CSituation\u201D at 00:").contains("› Situation");
        assertThat(timelineTags()).containsExactly("Situation");
        assertThat(notes.tags(p.sessionId())).extracting(t -> t.tag().name()).containsExactly("STAR_SITUATION");
    }

    @Test
    void quick_tags_are_disabled_until_the_session_is_live() {
        TestPanel.Panel p = testPanel.scheduled();
        mount(p.sessionId(), p.panelist());

        assertThat(_get(Button.class, spec -> spec.withId("tag-too_vague")).isEnabled()).isFalse();
    }

    @Test
    void the_quick_tag_hint_goes_away_once_the_session_starts() {
        TestPanel.Panel p = testPanel.scheduled();
        QuickTagBar tags = mount(p.sessionId(), p.lead());
        assertThat(tags.tagStatus.getText()).isEqualTo(QuickTagBar.TAGS_BEFORE_START);

        PanelViewSupport.as(p.lead(), "INTERVIEWER", () -> sessions.start(p.sessionId()));
        boolean cleared = PanelViewSupport.awaitUi(() -> tags.tagStatus.getText().isEmpty(), Duration.ofSeconds(10));

        assertThat(cleared).as("the live update clears it").isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("tag-star_situation"))).allMatch(Button::isEnabled);
    }

    @Test
    void alt_1_to_alt_4_add_the_star_tags_from_anywhere_on_the_console() {
        TestPanel.Panel p = testPanel.live();
        mount(p.sessionId(), p.panelist());

        ShortcutsKt.fireShortcut(Key.DIGIT_1, KeyModifier.ALT);
        ShortcutsKt.fireShortcut(Key.DIGIT_4, KeyModifier.ALT);
        // Without Alt the digit is just typed.
        ShortcutsKt.fireShortcut(Key.DIGIT_2);

        assertThat(notes.tags(p.sessionId())).extracting(t -> t.tag().name())
                .containsExactly("STAR_RESULT", "STAR_SITUATION");
        assertThat(timelineTags()).containsExactly("Result", "Situation");
        assertThat(QuickTagBar.SHORTCUTS).extracting(ShortcutHint::keys)
                .containsExactly("Alt+1", "Alt+2", "Alt+3", "Alt+4");
        assertThat(QuickTagBar.SHORTCUTS.get(2).action()).contains("Action");
    }

    @Test
    void a_star_shortcut_before_the_start_adds_nothing() {
        TestPanel.Panel p = testPanel.scheduled();
        mount(p.sessionId(), p.panelist());

        ShortcutsKt.fireShortcut(Key.DIGIT_1, KeyModifier.ALT);

        TestUsers.signIn(p.panelist(), "INTERVIEWER");
        assertThat(notes.tags(p.sessionId())).isEmpty();
    }
}
