package io.mockpanel.base;

/** A signed-in principal that knows the name to show for its user (the shell shows it). */
public interface NamedUser {

    String displayName();
}
