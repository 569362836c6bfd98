package io.mockpanel.review;

import io.mockpanel.base.UserFacingException;

/** A review request that cannot be carried out, with a message for the person who made it. */
public class ReviewException extends RuntimeException implements UserFacingException {

    public ReviewException(String message) {
        super(message);
    }
}
