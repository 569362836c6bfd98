package io.mockpanel.review;

import io.mockpanel.review.SessionReview.MomentKind;
import io.mockpanel.scoring.ScoreScale;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The words and numbers the exports share, so the PDF and the CSV say the same thing the same way. */
final class ExportFormat {

    private ExportFormat() {
    }

    /** "1:05:09" or "5:09" (minutes:seconds under an hour). */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
    }

    /** "3 · Yes", or "—" while not given. */
    static String score(@Nullable Integer value) {
        return value == null ? "—" : ScoreScale.of(value).map(ScoreScale::display).orElse(String.valueOf(value));
    }

    static String kind(MomentKind kind) {
        return switch (kind) {
            case STARTED -> "Started";
            case ENDED -> "Ended";
            case PROMPT -> "Prompt";
            case NOTE -> "Note";
            case PRIVATE_NOTE -> "Private note";
            case TAG -> "Tag";
            case COVERAGE -> "Coverage";
            case CLARIFICATION -> "Clarification";
            case TIMER -> "Timer";
            case JOINED -> "Joined";
            case SCORE_SUBMITTED -> "Score submitted";
            case SCORES_REVEALED -> "Scores revealed";
            case CONSENSUS -> "Consensus";
            case VERDICT -> "Verdict";
            case COACHING_NOTE -> "Coaching note";
        };
    }

    /**
     * A file name part from a title: ASCII letters and digits joined by single dashes, at most 60
     * characters ("Zoë's — 3 a.m. outage" → "zoes-3-a-m-outage"), "session" when nothing is left.
     * Nothing else gets through, so the name is safe in a Content-Disposition header.
     */
    static String slug(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replace("'", "").replace("\u2019", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "session" : slug;
    }

    /** "session-42-incident-commander-level-3.pdf". */
    static String fileName(SessionReview review, String extension) {
        return "session-" + review.summary().sessionId() + "-" + slug(review.summary().title()) + "." + extension;
    }
}
