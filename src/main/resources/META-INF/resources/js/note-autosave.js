/*
 * The browser half of the note composer's autosave (io.mockpanel.panel.ui.NoteComposer).
 *
 * Sends the text to the server's autosave(text, commit) after a pause in typing (at most
 * debounceMs, and at least every maxWaitMs while typing on) as a plain save, and as a commit when
 * the writer is done for now: on leaving the field, after settleMs without typing, and when the
 * page is hidden or left (decision 0022: only commits wake the other consoles at once).
 * Every keystroke is mirrored in localStorage (one draft per tab) and the server is asked to
 * restore a draft left by a reload or a crash. "Saving…" is written to a span only this script
 * writes. A text over the limit never travels; a save the server cannot make now ("retry", or no
 * answer) is tried again with a growing pause.
 */
(function () {
  'use strict';

  /** One draft per tab: a tab id kept in sessionStorage survives the tab's reloads. */
  function tabId() {
    try {
      let id = sessionStorage.getItem('mockpanel.tab');
      if (!id) {
        id = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
        sessionStorage.setItem('mockpanel.tab', id);
      }
      return id;
    } catch (e) {
      return 'tab';
    }
  }

  /** A draft of a tab that is gone is taken over once it has been quiet for 30 s: nothing typed is stranded. */
  function adoptOrphanedDraft(base, key) {
    try {
      if (localStorage.getItem(key)) {
        return;
      }
      let best = null, bestKey = null;
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k !== key && (k === base || (k && k.startsWith(base + '.')))) {
          const d = JSON.parse(localStorage.getItem(k) || 'null');
          if (d && typeof d.text === 'string' && d.text && Date.now() - (Number(d.ts) || 0) > 30000
              && (!best || Number(d.ts) > Number(best.ts))) {
            best = d;
            bestKey = k;
          }
        }
      }
      if (best) {
        localStorage.setItem(key, JSON.stringify(best));
        localStorage.removeItem(bestKey);
      }
    } catch (e) { /* storage blocked: the server copy is all there is */ }
  }

  const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

  function lengthOf(text, maxLength) {
    if (text.length <= maxLength) {
      return text.length;
    }
    let n = 0;
    for (const ch of text) { n++; }
    return n;
  }

  /**
   * o: { panel, area, pending, box, newNote, storageKey, debounceMs, maxWaitMs, settleMs, maxLength }
   * (panel: the composer's element, whose $server receives autosave and restoreDraft).
   */
  function install(o) {
    const panel = o.panel, area = o.area, pending = o.pending, box = o.box;
    if (panel.__mpNotes) {
      return;
    }
    const key = o.storageKey + '.' + tabId();
    adoptOrphanedDraft(o.storageKey, key);
    let noteId = '', version = 0, timer = null, settleTimer = null, firstUnsaved = 0, inFlight = 0,
        retryTimer = null, retryMs = 2000;
    const say = (text, problem) => { pending.textContent = text; pending.classList.toggle('problem', !!problem); };
    const read = () => { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } };
    const write = (draft) => {
      try {
        if (draft) { localStorage.setItem(key, JSON.stringify(draft)); } else { localStorage.removeItem(key); }
      } catch (e) { /* storage full or blocked: the server copy is all there is */ }
    };
    const mirror = () => write({ noteId: noteId, baseVersion: version, text: area.value, private: !!box.checked,
                                 ts: Date.now() });
    const stopTimers = () => {
      clearTimeout(timer); timer = null; firstUnsaved = 0;
      clearTimeout(retryTimer); retryTimer = null;
    };
    const retryLater = (commit) => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => send(commit), retryMs);
      retryMs = Math.min(retryMs * 2, 15000);
    };
    const send = (commit) => {
      stopTimers();
      if (commit) { clearTimeout(settleTimer); settleTimer = null; }
      if (!panel.isConnected) {
        return;
      }
      const text = area.value;
      if (!text && !noteId) {
        return;
      }
      const length = lengthOf(text, o.maxLength);
      if (length > o.maxLength) {
        say('Not saved: this note has ' + grouped(length) + ' characters, at most ' + grouped(o.maxLength)
            + ' are allowed. Shorten it; your text is kept in this browser.', true);
        return;
      }
      inFlight++;
      say('Saving…', false);
      panel.$server.autosave(text, !!commit).then((reply) => {
        if (reply === 'retry') {
          say('Not saved yet; your text is kept in this browser and saving is retried.', true);
          retryLater(commit);
          return;
        }
        retryMs = 2000;
        if (!reply) {
          return;
        }
        const parts = String(reply).split(':');
        noteId = parts[0];
        version = Number(parts[1]);
        const draft = read();
        if (draft && draft.text === text) { write(null); }
        else if (draft) { draft.noteId = noteId; draft.baseVersion = version; write(draft); }
      }).catch(() => {
        say('Not saved: no answer from the server. Your text is kept in this browser and saving is retried.', true);
        retryLater(commit);
      }).finally(() => {
        if (--inFlight <= 0) {
          inFlight = 0;
          if (pending.textContent === 'Saving…') { say('', false); }
        }
      });
    };
    const onInput = () => {
      mirror();
      const now = Date.now();
      if (!firstUnsaved) { firstUnsaved = now; }
      clearTimeout(timer);
      timer = setTimeout(() => send(false), Math.max(0, Math.min(o.debounceMs, firstUnsaved + o.maxWaitMs - now)));
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => send(true), o.settleMs);
    };
    const onVisibility = () => { if (document.visibilityState === 'hidden') { onHide(); } };
    const onHide = () => {
      if (!panel.isConnected) {
        window.removeEventListener('pagehide', onHide);
        document.removeEventListener('visibilitychange', onVisibility);
        return;
      }
      send(true);
    };
    area.addEventListener('input', onInput);
    area.addEventListener('focusout', () => send(true));
    // "New note" empties the composer here at once: what is typed right after the click must never
    // be wiped by the server's answer arriving later (a slow or unreachable database).
    o.newNote.addEventListener('click', () => {
      if (o.newNote.hasAttribute('disabled')) {
        return;
      }
      stopTimers();
      clearTimeout(settleTimer); settleTimer = null;
      area.value = ''; noteId = ''; version = 0; write(null); say('', false);
    });
    box.addEventListener('change', () => { if (area.value) { mirror(); } });
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    panel.__mpNotes = {
      /** Text (null: keep the browser's), note and version from the server; clearDraft drops the mirror. */
      set(text, id, v, clearDraft) {
        if (text !== null) { stopTimers(); area.value = text; }
        noteId = id;
        version = Number(v);
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
  }

  /** The server tells the script what the composer now holds (see install's set). */
  function set(panel, text, id, v, clearDraft) {
    if (panel.__mpNotes) {
      panel.__mpNotes.set(text, id, v, clearDraft);
    }
  }

  window.mockpanelNotes = { install: install, set: set };
})();
