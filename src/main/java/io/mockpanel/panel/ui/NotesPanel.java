package io.mockpanel.panel.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.DisabledUpdateMode;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.base.DatabaseFailures;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.Note;
import io.mockpanel.panel.NoteConflictException;
import io.mockpanel.panel.NoteService;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.panel.RateLimitedException;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.panel.TagMark;
import io.mockpanel.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A panelist's notes and quick tags for one session, self-contained so that the live console can
 * embed it: the composer (autosaved, mirrored in the browser's localStorage), the quick-tag
 * buttons, and the session's timeline of notes and tags, which follows everyone's changes live.
 * Observers see the timeline only.
 *
 * <p>Autosave runs in the browser (a small script installed with {@code executeJs}): after a pause
 * in typing (at most {@value #DEBOUNCE_MS} ms, and at least every {@value #MAX_WAIT_MS} ms while
 * typing on), on blur, and when the page is hidden or left, it sends the text to
 * {@link #autosave(String)}. Every keystroke is mirrored in localStorage with a timestamp; after a
 * reload or a crash, {@link #restoreDraft} brings the mirror back when it is newer than the saved
 * note. "Saved" is only shown once the service call has returned, i.e. after the commit.
 */
public class NotesPanel extends VerticalLayout {

    static final int DEBOUNCE_MS = 700;
    static final String TAGS_BEFORE_START = "Quick tags work once the session has started.";
    static final String TAGS_AFTER_END = "The session has ended; quick tags are closed.";
    static final int MAX_WAIT_MS = 1000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /**
     * The browser half of autosave. $0 the panel (its {@code $server}), $1 the text area, $2 a span
     * only this script writes ("Saving…", or why a save did not happen), $3 the localStorage key of
     * this person's drafts in this session (each tab adds its own id), $4
     * the debounce, $5 the longest wait while typing on, $6 the private checkbox, $7 the longest note,
     * $8 the "New note" button.
     * A text over the limit is never sent (a huge request would stall the page's connection); a save
     * the server could not make now ("retry", or no answer) is tried again with a growing pause.
     */
    private static final String AUTOSAVE_SCRIPT = """
            const panel = $0, area = $1, pending = $2, base = $3, debounceMs = $4, maxWaitMs = $5, box = $6, maxLength = $7,
                  newNoteButton = $8;
            if (panel.__mpNotes) { return; }
            // One draft per tab: a tab id kept in sessionStorage survives the tab's reloads, and two
            // tabs of one person never overwrite (or clear) each other's unsaved text.
            const tab = (() => {
              try {
                let id = sessionStorage.getItem('mockpanel.tab');
                if (!id) { id = Date.now().toString(36) + Math.random().toString(36).slice(2, 8); sessionStorage.setItem('mockpanel.tab', id); }
                return id;
              } catch (e) { return 'tab'; }
            })();
            const key = base + '.' + tab;
            // A draft of a tab that is gone (closed, crashed, or older than per-tab drafts) is taken
            // over once it has been quiet for 30 s, so nothing typed is ever stranded.
            try {
              if (!localStorage.getItem(key)) {
                let best = null, bestKey = null;
                for (let i = 0; i < localStorage.length; i++) {
                  const k = localStorage.key(i);
                  if (k !== key && (k === base || (k && k.startsWith(base + '.')))) {
                    const d = JSON.parse(localStorage.getItem(k) || 'null');
                    if (d && typeof d.text === 'string' && d.text && Date.now() - (Number(d.ts) || 0) > 30000
                        && (!best || Number(d.ts) > Number(best.ts))) { best = d; bestKey = k; }
                  }
                }
                if (best) { localStorage.setItem(key, JSON.stringify(best)); localStorage.removeItem(bestKey); }
              }
            } catch (e) { /* storage blocked: the server copy is all there is */ }
            let noteId = '', version = 0, timer = null, firstUnsaved = 0, inFlight = 0, retryTimer = null, retryMs = 2000;
            const say = (text, problem) => { pending.textContent = text; pending.classList.toggle('problem', !!problem); };
            const lengthOf = (text) => {
              if (text.length <= maxLength) { return text.length; }
              let n = 0; for (const ch of text) { n++; } return n;
            };
            const retryLater = () => {
              clearTimeout(retryTimer);
              retryTimer = setTimeout(send, retryMs);
              retryMs = Math.min(retryMs * 2, 15000);
            };
            const read = () => { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } };
            const write = (draft) => {
              try { if (draft) { localStorage.setItem(key, JSON.stringify(draft)); } else { localStorage.removeItem(key); } }
              catch (e) { /* storage full or blocked: the server copy is all there is */ }
            };
            const mirror = () => write({ noteId: noteId, baseVersion: version, text: area.value,
                                         private: !!box.checked, ts: Date.now() });
            const send = () => {
              clearTimeout(timer); timer = null; firstUnsaved = 0; clearTimeout(retryTimer); retryTimer = null;
              if (!panel.isConnected) { return; }
              const text = area.value;
              if (!text && !noteId) { return; }
              const length = lengthOf(text);
              if (length > maxLength) {
                const grouped = (n) => String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ' ');
                say('Not saved: this note has ' + grouped(length) + ' characters, at most ' + grouped(maxLength)
                    + ' are allowed. Shorten it; your text is kept in this browser.', true);
                return;
              }
              inFlight++; say('Saving…', false);
              panel.$server.autosave(text).then((reply) => {
                if (reply === 'retry') { say('Not saved yet; your text is kept in this browser and saving is retried.', true); retryLater(); return; }
                retryMs = 2000;
                if (!reply) { return; }
                const parts = String(reply).split(':');
                noteId = parts[0]; version = Number(parts[1]);
                const draft = read();
                if (draft && draft.text === text) { write(null); }
                else if (draft) { draft.noteId = noteId; draft.baseVersion = version; write(draft); }
              }).catch(() => {
                say('Not saved: no answer from the server. Your text is kept in this browser and saving is retried.', true);
                retryLater();
              }).finally(() => {
                if (--inFlight <= 0) { inFlight = 0; if (pending.textContent === 'Saving…') { say('', false); } }
              });
            };
            const onInput = () => {
              mirror();
              const now = Date.now();
              if (!firstUnsaved) { firstUnsaved = now; }
              clearTimeout(timer);
              timer = setTimeout(send, Math.max(0, Math.min(debounceMs, firstUnsaved + maxWaitMs - now)));
            };
            const onHide = () => {
              if (!panel.isConnected) {
                window.removeEventListener('pagehide', onHide);
                document.removeEventListener('visibilitychange', onVisibility);
                return;
              }
              send();
            };
            const onVisibility = () => { if (document.visibilityState === 'hidden') { onHide(); } };
            area.addEventListener('input', onInput);
            area.addEventListener('focusout', send);
            // "New note" empties the composer here at once: what is typed right after the click must
            // never be wiped by the server's answer arriving later (a slow or unreachable database).
            newNoteButton.addEventListener('click', () => {
              if (newNoteButton.hasAttribute('disabled')) { return; }
              clearTimeout(timer); timer = null; firstUnsaved = 0; clearTimeout(retryTimer); retryTimer = null;
              area.value = ''; noteId = ''; version = 0; write(null); say('', false);
            });
            box.addEventListener('change', () => { if (area.value) { mirror(); } });
            window.addEventListener('pagehide', onHide);
            document.addEventListener('visibilitychange', onVisibility);
            panel.__mpNotes = {
              set(text, id, v, clearDraft) {
                if (text !== null) { clearTimeout(timer); timer = null; firstUnsaved = 0; area.value = text; }
                noteId = id; version = Number(v);
                if (clearDraft) { write(null); }
                else { const draft = read(); if (draft) { draft.noteId = id; draft.baseVersion = version; write(draft); } }
              }
            };
            const input = area.inputElement || area.querySelector('textarea');
            if (input) { input.dir = 'auto'; }
            const draft = read();
            if (draft && typeof draft.text === 'string' && draft.text.length > 0) {
              panel.$server.restoreDraft(String(draft.noteId || ''), draft.text, !!draft.private,
                                         Number(draft.baseVersion) || 0);
            }
            """;

    private final long sessionId;
    private final NoteService notes;
    private final LiveFeed feed;

    final TextArea text = new TextArea("Note");
    final Span counter = new Span();
    final Checkbox privateNote = new Checkbox("Private (only you will ever see it)");
    final Span status = new Span();
    /** Written only by the browser script ("Saving…"), never by the server. */
    private final Span pending = new Span();
    final Button newNote = new Button("New note", e -> startNewNote());
    final Div conflict = new Div();
    final Button loadOther = new Button("Load the other version", e -> loadOtherVersion());
    final Button keepMineAsNew = new Button("Keep mine as a new note", e -> keepMineAsNewNote());
    final Span tagStatus = new Span();
    final Div timelineList = new Div();
    private final Div composer = new Div();
    private final Div tagBar = new Div();
    private final List<Button> tagButtons = new ArrayList<>();

    // The composer's note: null until its first save.
    private @Nullable Long noteId;
    private long version;
    private String savedText = "";
    private boolean savedPrivate;
    /** The newest text known for the composer (from the browser, or set here). */
    private String lastText = "";
    private @Nullable Note conflicting;
    private boolean applying;

    private boolean canWrite;
    private @Nullable LiveSession live;
    private ZoneId zone = ZoneId.systemDefault();
    private @Nullable Registration liveUpdates;
    private volatile long renderedSeq = -1;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    public NotesPanel(LiveFeed feed, NoteService notes) {
        this.sessionId = feed.sessionId();
        this.feed = feed;
        this.notes = notes;
        addClassName("notes-panel");
        setPadding(false);
        setWidthFull();

        text.setId("note-text");
        text.setWidthFull();
        text.setMinHeight("8em");
        text.setPlaceholder("What did you hear? Autosaved as you type.");
        // The text reaches the server only through autosave (checked for length in the browser first):
        // the field's own value sync would send a pasted 10 MiB text with every change and stall the
        // page's connection.
        text.setValueChangeMode(null);
        counter.setId("note-counter");
        counter.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        privateNote.setId("note-private");
        privateNote.addValueChangeListener(e -> {
            if (!applying) {
                privacyChanged();
            }
        });
        status.setId("note-status");
        pending.setId("note-pending");
        pending.addClassName("note-pending");
        newNote.setId("new-note");
        newNote.addThemeVariants(ButtonVariant.LUMO_SMALL);

        loadOther.setId("load-other-version");
        loadOther.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        keepMineAsNew.setId("keep-mine-as-new");
        keepMineAsNew.addThemeVariants(ButtonVariant.LUMO_SMALL);
        conflict.setId("note-conflict");
        conflict.setVisible(false);
        conflict.getStyle().set("border-left", "3px solid var(--lumo-error-color)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)");

        var statusLine = new FlexLayout(status, pending, counter, newNote);
        statusLine.setAlignItems(Alignment.CENTER);
        statusLine.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        counter.getStyle().set("margin-left", "auto");
        var options = new FlexLayout(privateNote);
        composer.add(text, options, statusLine, conflict);
        composer.setWidthFull();

        tagBar.setId("quick-tags");
        for (QuickTag.Group group : QuickTag.Group.values()) {
            var row = new FlexLayout();
            row.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap").set("align-items", "center");
            var label = new Span(group.label());
            label.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-s)")
                    .set("min-width", "9em");
            row.add(label);
            for (QuickTag tag : QuickTag.of(group)) {
                var button = new Button(tag.label(), e -> addTag(tag));
                button.setId("tag-" + tag.name().toLowerCase(Locale.ROOT));
                button.setTooltipText(tag.hint());
                button.addThemeVariants(ButtonVariant.LUMO_SMALL,
                        group == QuickTag.Group.MISTAKE ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_CONTRAST);
                tagButtons.add(button);
                row.add(button);
            }
            tagBar.add(row);
        }
        tagStatus.setId("tag-status");
        tagStatus.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        tagBar.add(tagStatus);

        timelineList.setId("notes-timeline");
        timelineList.setWidthFull();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        zone = zoneOf(ui);
        refreshQueued.set(false);
        if (live == null) {
            try {
                canWrite = notes.canWrite(sessionId);
                live = feed.live();
            } catch (AccessDeniedException e) {
                removeAll();
                add(new Paragraph("You are not on this session's panel."));
                return;
            }
            if (canWrite) {
                add(new H3("Notes"), composer, new H4("Quick tags"), tagBar);
            } else {
                add(new H3("Notes"));
            }
            add(timelineList);
            updateCounter();
        }
        // The console's feed hands over new events inside UI.access, where Vaadin's security
        // context strategy gives the services this session's user.
        liveUpdates = feed.onEvents(events -> refresh());
        refresh();
        if (canWrite) {
            String key = "mockpanel.note-draft." + sessionId + "." + CurrentUser.username().orElse("");
            getElement().executeJs(AUTOSAVE_SCRIPT, getElement(), text.getElement(), pending.getElement(), key,
                    DEBOUNCE_MS, MAX_WAIT_MS, privateNote.getElement(), NoteService.MAX_LENGTH, newNote.getElement());
            if (noteId != null || !lastText.isEmpty()) {
                // Attached again (the browser's element is new): it gets the newest text known here,
                // not the text area's last synchronised value.
                showText(lastText, noteId, version, false);
            }
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.remove();
            liveUpdates = null;
        }
    }

    // --- the browser's calls -------------------------------------------------------------------------

    /**
     * Saves the composer's text; the reply tells the script the note's "id:version" when that text
     * is stored, "retry" when it could not be stored now but may be in a moment (the database is
     * away, or saves came too fast), or "" when it is not (an error or a conflict, shown in the
     * status line).
     */
    @ClientCallable(DisabledUpdateMode.ALWAYS)
    String autosave(String clientText) {
        return switch (save(clientText)) {
            case SAVED -> noteId + ":" + version;
            case RETRY -> "retry";
            case REFUSED -> "";
        };
    }

    /** What became of a save. */
    enum SaveOutcome {
        SAVED, REFUSED, RETRY
    }

    /**
     * The script found this tab's unsaved text in localStorage at start-up. It is saved when it was
     * typed on the note's current version; when the note changed elsewhere in between, it is shown
     * as a conflict, never saved over it and never dropped.
     */
    @ClientCallable(DisabledUpdateMode.ALWAYS)
    void restoreDraft(String draftNoteId, String draftText, boolean draftPrivate, double baseVersion) {
        if (!canWrite || noteId != null || !lastText.isEmpty() || draftText.isEmpty()) {
            return;
        }
        Optional<Note> stored = parseId(draftNoteId).flatMap(id -> mine(id));
        if (stored.isEmpty()) {
            showText(draftText, null, 0, false);
            setPrivate(draftPrivate);
            if (saveNow(draftText)) {
                status.setText(status.getText() + " · restored from this browser");
                tellBrowser();
            }
            return;
        }
        Note note = stored.get();
        if (note.text().equals(draftText) && note.isPrivate() == draftPrivate) {
            edit(note);
            return;
        }
        // The draft's base version decides, never the browser's clock: the same version means nobody
        // saved this note since the draft was typed on it (drafts are per tab); another version is
        // a conflict the writer resolves, so unsaved text is never dropped.
        noteId = note.id();
        savedText = note.text();
        savedPrivate = note.isPrivate();
        setPrivate(draftPrivate);
        if ((long) baseVersion != note.version()) {
            version = (long) baseVersion;
            showText(draftText, note.id(), version, false);
            showConflict(note, "Restored text you had not saved, but this note was changed in another tab or "
                    + "window since (saved " + time(note.updatedAt()) + "). Yours is not saved.");
            return;
        }
        version = note.version();
        showText(draftText, note.id(), version, false);
        if (saveNow(draftText)) {
            status.setText(status.getText() + " · restored from this browser");
            tellBrowser();
        }
    }

    // --- the server-side path (testable without a browser) ---------------------------------------------

    /** The composer's text as this panel knows it (the browser's is sent with each save). */
    String composerText() {
        return lastText;
    }

    /** Saves {@code clientText} as the composer's note; true when that text is stored afterwards. */
    boolean saveNow(String clientText) {
        return save(clientText) == SaveOutcome.SAVED;
    }

    private SaveOutcome save(String clientText) {
        if (!canWrite) {
            return SaveOutcome.REFUSED;
        }
        lastText = clientText;
        updateCounter();
        if (conflicting != null) {
            return SaveOutcome.REFUSED;
        }
        boolean isPrivate = privateNote.getValue();
        if (noteId == null && clientText.isBlank()) {
            return SaveOutcome.REFUSED;
        }
        if (noteId != null && clientText.equals(savedText) && isPrivate == savedPrivate) {
            return SaveOutcome.SAVED;
        }
        try {
            Note saved = notes.saveNote(sessionId, noteId, version, clientText, isPrivate);
            adopt(saved);
            showStatus("Saved " + time(saved.updatedAt()), false);
            refresh();
            return SaveOutcome.SAVED;
        } catch (NoteConflictException e) {
            showConflict(e.current(), "This note was changed in another tab or window (saved "
                    + time(e.current().updatedAt()) + "). Your text is kept here but not saved.");
        } catch (RateLimitedException e) {
            showStatus("Not saved yet: " + e.getMessage(), true);
            return SaveOutcome.RETRY;
        } catch (SessionException e) {
            showStatus(e.getMessage(), true);
        } catch (AccessDeniedException e) {
            showStatus("You are no longer on this session's panel; nothing was saved.", true);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnreachable(e)) {
                throw e;
            }
            showStatus("Not saved yet: the database cannot be reached right now. Your text is kept in this "
                    + "browser and saved as soon as it is back.", true);
            return SaveOutcome.RETRY;
        }
        return SaveOutcome.REFUSED;
    }

    void startNewNote() {
        noteId = null;
        version = 0;
        savedText = "";
        lastText = "";
        // Each note is shared unless its writer says otherwise: privacy never carries over.
        setPrivate(false);
        savedPrivate = false;
        clearConflict();
        // The browser emptied the composer itself on the click (the script): sending the empty text
        // back would wipe what was typed since.
        tellBrowser();
        updateCounter();
        showStatus("New note: start typing.", false);
    }

    /** Puts one of the caller's notes in the composer. */
    void edit(Note note) {
        adopt(note);
        lastText = note.text();
        clearConflict();
        showText(note.text(), note.id(), note.version(), true);
        updateCounter();
        showStatus("Editing the note from " + offset(note.offset()) + ".", false);
    }

    void loadOtherVersion() {
        if (conflicting != null) {
            Note other = conflicting;
            edit(other);
            showStatus("Loaded the version saved " + time(other.updatedAt()) + ".", false);
        }
    }

    void keepMineAsNewNote() {
        if (conflicting == null) {
            return;
        }
        clearConflict();
        String mine = lastText;
        noteId = null;
        version = 0;
        savedText = "";
        if (saveNow(mine)) {
            status.setText(status.getText() + " as a new note");
            tellBrowser();
        }
    }

    void addTag(QuickTag tag) {
        try {
            TagMark mark = notes.addTag(sessionId, tag);
            tagStatus.setText("Tagged \u201C" + tag.label() + "\u201D at " + offset(mark.offset())
                    + (mark.promptLabel() == null ? "" : " · " + mark.promptLabel()));
            refresh();
        } catch (SessionException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (AccessDeniedException e) {
            Notification.show("You are no longer on this session's panel.", 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Re-reads the timeline; run on attach, after own changes and when the session's log grew. */
    void refresh() {
        LiveSession state = live;
        if (state == null || !isAttached()) {
            return;
        }
        List<Note> visible;
        List<TagMark> tags;
        try {
            visible = notes.notes(sessionId);
            tags = notes.tags(sessionId);
        } catch (AccessDeniedException e) {
            timelineList.removeAll();
            timelineList.add(new Paragraph("You are no longer on this session's panel."));
            return;
        }
        boolean running = state.startedAt().isPresent() && state.endedAt().isEmpty();
        tagButtons.forEach(button -> button.setEnabled(running));
        if (!running && canWrite) {
            tagStatus.setText(state.startedAt().isEmpty() ? TAGS_BEFORE_START : TAGS_AFTER_END);
        } else if (TAGS_BEFORE_START.equals(tagStatus.getText())) {
            tagStatus.setText("");
        }
        noticeChangeElsewhere(visible);
        render(visible, tags);
    }

    // --- internals ---------------------------------------------------------------------------------------

    private void privacyChanged() {
        if (!canWrite) {
            return;
        }
        if (noteId != null || !lastText.isBlank()) {
            if (saveNow(lastText)) {
                tellBrowser();
            }
        }
    }

    /** The composer now holds this stored note. */
    private void adopt(Note note) {
        noteId = note.id();
        version = note.version();
        savedText = note.text();
        savedPrivate = note.isPrivate();
        setPrivate(note.isPrivate());
    }

    /** A save started here (not by the script): the script learns the note's id and version. */
    private void tellBrowser() {
        getElement().executeJs("if (this.__mpNotes) { this.__mpNotes.set(null, $0, $1, false); }",
                noteId == null ? "" : noteId.toString(), Long.toString(version));
    }

    /**
     * Sets the text in the browser (and here), with the note it belongs to. Only through the script:
     * the field's value is not synchronised (see the constructor), and the script is what keeps the
     * browser's copy and its localStorage mirror in step.
     */
    private void showText(String value, @Nullable Long id, long atVersion, boolean clearDraft) {
        lastText = value;
        getElement().executeJs("if (this.__mpNotes) { this.__mpNotes.set($0, $1, $2, $3); }", value,
                id == null ? "" : id.toString(), Long.toString(atVersion), clearDraft);
        updateCounter();
    }

    private void setPrivate(boolean value) {
        applying = true;
        try {
            privateNote.setValue(value);
        } finally {
            applying = false;
        }
    }

    private void showConflict(Note other, String message) {
        conflicting = other;
        conflict.removeAll();
        var explanation = new Span(message);
        var actions = new FlexLayout(loadOther, keepMineAsNew);
        actions.getStyle().set("gap", "var(--lumo-space-s)").set("margin-top", "var(--lumo-space-xs)");
        conflict.add(explanation, actions);
        conflict.setVisible(true);
        // Resolve it first: a new note would drop the text that is not saved.
        newNote.setEnabled(false);
        showStatus("Not saved: conflict.", true);
    }

    private void clearConflict() {
        conflicting = null;
        conflict.removeAll();
        conflict.setVisible(false);
        newNote.setEnabled(true);
    }

    /** My note in the composer was saved elsewhere (my other tab): say so before a save fails. */
    private void noticeChangeElsewhere(List<Note> visible) {
        if (noteId == null || conflicting != null) {
            return;
        }
        long id = noteId;
        visible.stream().filter(note -> note.id() == id && note.version() > version).findFirst()
                .ifPresent(newer -> showConflict(newer, "This note was changed in another tab or window (saved "
                        + time(newer.updatedAt()) + "). Load that version, or keep yours as a new note."));
    }

    private Optional<Note> mine(long id) {
        try {
            return notes.myNotes(sessionId).stream().filter(note -> note.id() == id).findFirst();
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
    }

    private void showStatus(String message, boolean error) {
        status.setText(message);
        status.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }

    private void updateCounter() {
        int length = lastText.codePointCount(0, lastText.length());
        counter.setText(grouped(length) + " / " + grouped(NoteService.MAX_LENGTH));
        counter.getStyle().set("color", length > NoteService.MAX_LENGTH ? "var(--lumo-error-text-color)"
                : "var(--lumo-secondary-text-color)");
    }

    private void render(List<Note> visible, List<TagMark> tags) {
        record Entry(Duration offset, Instant at, Component view) {
        }
        String me = CurrentUser.username().orElse("");
        List<Entry> entries = new ArrayList<>();
        for (Note note : visible) {
            entries.add(new Entry(note.offset(), note.createdAt(), noteEntry(note, me)));
        }
        for (TagMark mark : tags) {
            entries.add(new Entry(mark.offset(), mark.at(), tagEntry(mark)));
        }
        entries.sort(Comparator.comparing(Entry::offset).thenComparing(Entry::at).reversed());
        timelineList.removeAll();
        timelineList.add(new H4("Timeline"));
        if (entries.isEmpty()) {
            timelineList.add(new Paragraph("No notes or tags yet."));
        }
        entries.forEach(entry -> timelineList.add(entry.view()));
    }

    private Div noteEntry(Note note, String me) {
        var meta = meta(note.offset(), note.promptLabel(), note.authorName());
        if (note.isPrivate()) {
            meta.add(Badge.of("Private", "contrast"));
        }
        if (canWrite && note.author().equals(me)) {
            var edit = new Button("Edit", e -> mine(note.id()).ifPresent(this::edit));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            edit.addClassName("edit-note");
            meta.add(edit);
        }
        var body = new Div();
        body.setText(note.text());
        body.addClassName("timeline-text");
        body.getElement().setAttribute("dir", "auto");
        body.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
        var entry = new Div(meta, body);
        entry.addClassName("timeline-entry");
        entry.getElement().setAttribute("data-kind", "note");
        styleEntry(entry);
        return entry;
    }

    private Div tagEntry(TagMark mark) {
        var meta = meta(mark.offset(), mark.promptLabel(), mark.authorName());
        var tag = Badge.of(mark.tag().label(), mark.tag().group() == QuickTag.Group.MISTAKE ? "error" : "success");
        tag.addClassName("timeline-tag");
        tag.getElement().setAttribute("title", mark.tag().group().label() + ": " + mark.tag().hint());
        meta.add(tag);
        var entry = new Div(meta);
        entry.addClassName("timeline-entry");
        entry.getElement().setAttribute("data-kind", "tag");
        styleEntry(entry);
        return entry;
    }

    private static FlexLayout meta(Duration offset, @Nullable String promptLabel, String author) {
        var at = new Span(offset(offset));
        at.addClassName("timeline-offset");
        at.getStyle().set("font-variant-numeric", "tabular-nums").set("font-weight", "600");
        var prompt = new Span(promptLabel == null ? "Before the first prompt" : promptLabel);
        prompt.addClassName("timeline-prompt");
        prompt.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var who = new Span(author);
        who.addClassName("timeline-author");
        var meta = new FlexLayout(at, prompt, who);
        meta.setAlignItems(Alignment.CENTER);
        meta.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap")
                .set("font-size", "var(--lumo-font-size-s)");
        return meta;
    }

    private static void styleEntry(Div entry) {
        entry.getStyle().set("padding", "var(--lumo-space-xs) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
    }

    /** "mm:ss" since the session started (minutes go past 59). */
    static String offset(Duration offset) {
        long seconds = Math.max(0, offset.toSeconds());
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private String time(Instant instant) {
        return CLOCK.format(instant.atZone(zone));
    }

    private static String grouped(int number) {
        return String.format(Locale.ROOT, "%,d", number).replace(',', ' ');
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return raw.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(raw.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ZoneId zoneOf(UI ui) {
        try {
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getTimeZoneId() != null && !details.getTimeZoneId().isBlank()) {
                return ZoneId.of(details.getTimeZoneId());
            }
        } catch (RuntimeException e) {
            // unknown to the browser or to Java: the server's zone
        }
        return ZoneId.systemDefault();
    }
}
