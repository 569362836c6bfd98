package io.mockpanel.base.ui;

/**
 * A view that needs the whole window to work in (the session console): the main layout folds
 * its navigation drawer away while such a view is shown, and brings it back afterwards.
 */
public interface FullWidthView {
}
