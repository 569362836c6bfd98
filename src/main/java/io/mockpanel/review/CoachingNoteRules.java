package io.mockpanel.review;

import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.NoteText;
import io.mockpanel.panel.SessionException;
import io.mockpanel.panel.SessionRole;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What a coaching note may hold, when a coach may write one, and which moments it may be pinned to. */
final class CoachingNoteRules {

    private CoachingNoteRules() {
    }

    /** Why this coach cannot write on the session in its state now; null when they can. */
    static @Nullable String refusal(Reviewer me, LiveSession live) {
        return switch (live.state()) {
            case SCHEDULED -> "Coaching notes begin when the session starts; this one has not started yet.";
            case LIVE -> me.seat() == SessionRole.OBSERVER ? null
                    : "While the session is live only its observing coaches write coaching notes; "
                    + "you can add yours once it has ended.";
            case COMPLETED, CANCELLED -> null;
        };
    }

    static Duration checkedPin(LiveSession live, Duration pin) {
        Duration length = live.length().orElseThrow(() -> new ReviewException(
                "This session never started, so there is no moment to pin the note to: save it without one."));
        if (pin.isNegative() || pin.compareTo(length) > 0) {
            throw new ReviewException("Pick a moment between 00:00 and " + Moments.format(length)
                    + " (the session ran for " + Moments.format(length) + "), or save the note without one.");
        }
        return pin;
    }

    static String clean(String text) {
        String clean;
        try {
            clean = NoteText.clean(text);
        } catch (SessionException tooLong) {
            throw new ReviewException("A coaching note holds at most " + NoteText.grouped(CoachingNoteService.MAX_LENGTH)
                    + " characters; this one has " + NoteText.grouped(text.codePointCount(0, text.length()))
                    + ". Shorten it to save it: nothing was saved.");
        }
        if (clean.isBlank()) {
            throw new ReviewException("Write something first: an empty coaching note is not saved.");
        }
        return clean;
    }
}
