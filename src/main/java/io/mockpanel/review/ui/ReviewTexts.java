package io.mockpanel.review.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.scoring.ScoreScale;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;

/** How the review page words times, scores and kinds of moment, in one place. */
final class ReviewTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withZone(ZoneId.systemDefault());

    private ReviewTexts() {
    }

    /** "12:30", or "1:02:30" past the hour: the offset into the session. */
    static String offset(Duration offset) {
        long seconds = Math.max(0, offset.toSeconds());
        long hours = seconds / 3600;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** "45 min", "1 h 05 min", "40 s": a time spent. */
    static String spent(Duration spent) {
        long seconds = spent.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes >= 60 ? String.format("%d h %02d min", minutes / 60, minutes % 60) : minutes + " min";
    }

    static String when(@Nullable Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    /** "3 · Yes"; "—" for none. */
    static String score(@Nullable Integer value) {
        return value == null ? "—" : ScoreScale.of(value).map(ScoreScale::display).orElse(String.valueOf(value));
    }

    static String kind(MomentKind kind) {
        return switch (kind) {
            case STARTED -> "Session started";
            case ENDED -> "Session ended";
            case PROMPT -> "Prompt pushed";
            case NOTE -> "Note";
            case PRIVATE_NOTE -> "Private note";
            case TAG -> "Quick tag";
            case COVERAGE -> "Coverage";
            case CLARIFICATION -> "Clarification";
            case TIMER -> "Timer";
            case JOINED -> "Candidate joined";
            case SCORE_SUBMITTED -> "Scores submitted";
            case SCORES_REVEALED -> "Scores revealed";
            case CONSENSUS -> "Consensus";
            case VERDICT -> "Verdict";
            case COACHING_NOTE -> "Coaching note";
        };
    }

    static VaadinIcon icon(MomentKind kind) {
        return switch (kind) {
            case STARTED -> VaadinIcon.PLAY;
            case ENDED -> VaadinIcon.STOP;
            case PROMPT -> VaadinIcon.PRESENTATION;
            case NOTE -> VaadinIcon.COMMENT_ELLIPSIS;
            case PRIVATE_NOTE -> VaadinIcon.LOCK;
            case TAG -> VaadinIcon.TAG;
            case COVERAGE -> VaadinIcon.CHECK_SQUARE_O;
            case CLARIFICATION -> VaadinIcon.QUESTION_CIRCLE_O;
            case TIMER -> VaadinIcon.TIMER;
            case JOINED -> VaadinIcon.SIGN_IN;
            case SCORE_SUBMITTED -> VaadinIcon.EDIT;
            case SCORES_REVEALED -> VaadinIcon.EYE;
            case CONSENSUS -> VaadinIcon.HANDSHAKE;
            case VERDICT -> VaadinIcon.GAVEL;
            case COACHING_NOTE -> VaadinIcon.ACADEMY_CAP;
        };
    }
}
