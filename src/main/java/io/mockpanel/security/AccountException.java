package io.mockpanel.security;

/**
 * A request about an account that cannot be carried out, with a message for the person who made
 * it. {@code field} names the form field at fault, so the view can mark it.
 */
public class AccountException extends RuntimeException implements io.mockpanel.base.UserFacingException {

    public enum Field { USERNAME, DISPLAY_NAME, EMAIL, ROLE, PASSWORD, CURRENT_PASSWORD, ACCOUNT }

    private final Field field;

    public AccountException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
