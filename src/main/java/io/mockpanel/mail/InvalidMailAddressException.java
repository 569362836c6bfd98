package io.mockpanel.mail;

import io.mockpanel.base.UserFacingException;

/** An e-mail address that cannot be used; the message says why, for the person who typed it. */
public class InvalidMailAddressException extends IllegalArgumentException implements UserFacingException {

    public InvalidMailAddressException(String message) {
        super(message);
    }
}
