package io.mockpanel.base.ui;

/** A keyboard shortcut as the shortcut list shows it: the keys ("Alt+N") and what they do. */
public record ShortcutHint(String keys, String action) {
}
