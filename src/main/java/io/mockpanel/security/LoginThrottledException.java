package io.mockpanel.security;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password because of too many recent failures. */
public class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException() {
        super("Too many failed sign-ins");
    }
}
