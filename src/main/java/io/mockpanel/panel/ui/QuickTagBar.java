package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.ui.Notifications;
import io.mockpanel.base.ui.ShortcutHint;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.TagMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The quick-tag buttons, one row per group (STAR, best practices, common mistakes): one click
 * stamps a tag with the time and the prompt on screen. Enabled only while the session is live,
 * which it follows from the console's feed without reading anything. Alt+1…Alt+4 add the STAR tags
 * from anywhere on the console. Only for the lead and panelists.
 */
public class QuickTagBar extends Div {

    static final String TAGS_BEFORE_START = "Quick tags work once the session has started.";
    static final String TAGS_AFTER_END = "The session has ended; quick tags are closed.";

    /** Alt+1…Alt+4: the STAR tags, in button order. */
    private static final List<Key> STAR_KEYS = List.of(Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4);

    public static final List<ShortcutHint> SHORTCUTS = IntStream.range(0, STAR_KEYS.size())
            .mapToObj(i -> new ShortcutHint("Alt+" + (i + 1),
                    "Tag \u201C" + QuickTag.of(QuickTag.Group.STAR).get(i).label() + "\u201D (STAR)"))
            .toList();

    private final long sessionId;
    private final NoteService notes;
    private final LiveFeed feed;
    private final List<Button> buttons = new ArrayList<>();
    private final List<Consumer<TagMark>> taggedListeners = new CopyOnWriteArrayList<>();
    final Span tagStatus = new Span();
    private @Nullable Registration liveUpdates;

    public QuickTagBar(LiveFeed feed, NoteService notes) {
        this.sessionId = feed.sessionId();
        this.feed = feed;
        this.notes = notes;
        setId("quick-tags");
        addClassName("quick-tags");
        for (QuickTag.Group group : QuickTag.Group.values()) {
            var row = new Div();
            row.addClassName("quick-tag-row");
            var label = new Span(group.label());
            label.addClassName("quick-tag-group");
            row.add(label);
            for (QuickTag tag : QuickTag.of(group)) {
                var button = new Button(tag.label(), e -> addTag(tag));
                button.setId("tag-" + tag.name().toLowerCase(Locale.ROOT));
                button.setTooltipText(tag.hint());
                button.addThemeVariants(ButtonVariant.LUMO_SMALL,
                        group == QuickTag.Group.MISTAKE ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_CONTRAST);
                if (group == QuickTag.Group.STAR) {
                    int index = QuickTag.of(group).indexOf(tag);
                    button.addClickShortcut(STAR_KEYS.get(index), KeyModifier.ALT);
                    button.getElement().setAttribute("aria-keyshortcuts", "Alt+" + (index + 1));
                }
                buttons.add(button);
                row.add(button);
            }
            add(row);
        }
        tagStatus.setId("tag-status");
        tagStatus.addClassName("tag-status");
        add(tagStatus);
    }

    /** Called with each tag added here, at once (the writer's own timeline shows it). */
    public Registration onTagged(Consumer<TagMark> listener) {
        taggedListeners.add(listener);
        return () -> taggedListeners.remove(listener);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        liveUpdates = feed.onEvents(this::onEvents);
        follow(feed.live());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
    }

    void addTag(QuickTag tag) {
        try {
            TagMark mark = notes.addTag(sessionId, tag);
            tagStatus.setText("Tagged \u201C" + tag.label() + "\u201D at " + NoteTexts.offset(mark.offset())
                    + (mark.promptLabel() == null ? "" : " · " + mark.promptLabel()));
            taggedListeners.forEach(listener -> listener.accept(mark));
        } catch (SessionException e) {
            Notifications.error(e.getMessage());
        } catch (AccessDeniedException e) {
            Notifications.error("You are no longer on this session's panel.");
        }
    }

    /** The live state is already in the feed: nothing is read. */
    private void onEvents(List<SessionEvent> events) {
        follow(feed.live());
    }

    private void follow(LiveSession state) {
        boolean running = state.startedAt().isPresent() && state.endedAt().isEmpty();
        buttons.forEach(button -> button.setEnabled(running));
        if (!running) {
            tagStatus.setText(state.startedAt().isEmpty() ? TAGS_BEFORE_START : TAGS_AFTER_END);
        } else if (TAGS_BEFORE_START.equals(tagStatus.getText())) {
            tagStatus.setText("");
        }
    }
}
