package io.mockpanel.base.ui;

/**
 * One keyboard shortcut as a screen's shortcut help lists it.
 *
 * @param keys   what to press, as people write it ("Alt+M")
 * @param action what it does ("Write a note")
 */
public record ShortcutHint(String keys, String action) {
}
