package io.mockpanel.scoring;

/** A scoring request that cannot be carried out, with a message that says what is allowed. */
public class ScoringException extends RuntimeException implements io.mockpanel.base.UserFacingException {

    public ScoringException(String message) {
        super(message);
    }
}
