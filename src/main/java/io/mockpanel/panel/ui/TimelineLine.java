package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.TagMark;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One line of the notes timeline: time into the session, an icon for the kind, the text (a note's
 * words, always as text, or a tag's badge) and who wrote it. STAR tags carry a "STAR" mark, so a
 * "Situation" tag never reads like the prompt named "Situation" in the group heading above it.
 */
final class TimelineLine {

    private TimelineLine() {
    }

    /** The heading of a group of lines: the prompt on screen when they were written. */
    static Div heading(TimelineEntries.Group group) {
        var icon = new Icon(VaadinIcon.PRESENTATION);
        icon.addClassName("timeline-kind");
        var label = new Span(group.promptLabel() != null ? group.promptLabel()
                : group.prompt() == null ? "Before the first prompt" : "A prompt no longer on the agenda");
        label.addClassName("timeline-prompt");
        var heading = new Div(icon, label);
        heading.addClassName("timeline-group-heading");
        return heading;
    }

    /** A note's line; {@code body} is the element holding its text (updated in place as it is typed). */
    static Div note(Note note, Div body, @Nullable Runnable edit) {
        body.setText(note.text());
        body.addClassName("timeline-text");
        body.getElement().setAttribute("dir", "auto");
        var line = line("note", note.offset(), note.isPrivate() ? VaadinIcon.LOCK : VaadinIcon.COMMENT_ELLIPSIS,
                note.isPrivate() ? "Private note" : "Note", body);
        var meta = meta(note.authorName());
        if (note.isPrivate()) {
            meta.add(Badge.of("Private", "contrast"));
        }
        if (edit != null) {
            var button = new Button("Edit", e -> edit.run());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            button.addClassName("edit-note");
            meta.add(button);
        }
        line.add(meta);
        return line;
    }

    static Div tag(TagMark mark) {
        QuickTag.Group group = mark.tag().group();
        var badge = Badge.of(mark.tag().label(), group == QuickTag.Group.MISTAKE ? "error" : "success");
        badge.addClassName("timeline-tag");
        badge.getElement().setAttribute("title", group.label() + ": " + mark.tag().hint());
        var content = new Div();
        content.addClassName("timeline-tag-line");
        if (group == QuickTag.Group.STAR) {
            var star = new Span("STAR");
            star.addClassName("timeline-star");
            badge.addClassName("star");
            content.add(star);
        }
        content.add(badge);
        var line = line("tag", mark.offset(), VaadinIcon.TAG, "Quick tag", content);
        line.add(meta(mark.authorName()));
        return line;
    }

    private static Div line(String kind, Duration offset, VaadinIcon kindIcon, String kindName, Component content) {
        var at = new Span(NoteTexts.offset(offset));
        at.addClassName("timeline-offset");
        var icon = new Icon(kindIcon);
        icon.addClassName("timeline-kind");
        icon.getElement().setAttribute("aria-label", kindName);
        icon.getElement().setAttribute("title", kindName);
        var line = new Div(at, icon, content);
        line.addClassName("timeline-entry");
        line.getElement().setAttribute("data-kind", kind);
        return line;
    }

    private static Div meta(String author) {
        var who = new Span(author);
        who.addClassName("timeline-author");
        var meta = new Div(who);
        meta.addClassName("timeline-meta");
        return meta;
    }
}
