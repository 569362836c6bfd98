package io.mockpanel.scoring;

/**
 * A save that started from an older version of the record than the one stored now (the same
 * person in two tabs, say). Nothing was saved; the reader should load the stored version.
 */
public class ScoringConflictException extends ScoringException {

    public ScoringConflictException(String message) {
        super(message);
    }
}
