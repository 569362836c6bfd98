package io.mockpanel.review;

import io.mockpanel.panel.SessionState;
import io.mockpanel.scoring.ScoreScale;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One session in the history list.
 *
 * @param heldAt its start, or its creation while it has not started
 * @param panelSize lead and panelists (observers not counted)
 * @param verdict the panel's overall recommendation (1-4), null while not recorded
 * @param excerpt for a text search: a short passage of a matching note this reader may see, its
 *        matching words marked; empty otherwise
 */
public record HistoryRow(long id, Instant heldAt, String title, long candidateId, String candidateName,
        String leadName, int panelSize, SessionState state, @Nullable Integer verdict, List<ExcerptPart> excerpt) {

    /** A piece of an excerpt: plain text, or a word that matched the search. Always shown as text. */
    public record ExcerptPart(String text, boolean match) {
    }

    /** "3 · Yes", or "—" while not recorded. */
    public String verdictLabel() {
        return verdict == null ? "—" : ScoreScale.of(verdict).map(ScoreScale::display).orElse(verdict.toString());
    }
}
