package io.mockpanel.loadgen;

import java.util.Objects;

/**
 * One area's score on a draft sheet that the server acknowledged as saved: whose sheet (session,
 * agenda position, author), the area, and the score and reason saved. Each draft a panelist saves
 * has its number in the reason ("load-panelist-1a draft 3: ..."), so a stored row can tell a later
 * draft — one the server saved but whose answer never came, say the node died first — from a
 * lost or changed one.
 */
public record AcknowledgedScore(String author, long sessionId, int scenario, int area, int draft, int score,
        String reason) {

    /** Where an area's score is stored: a {@link #author}'s sheet of a session's scenario, one row per area. */
    public static final String STORED = "select a.score, a.justification from area_score a "
            + "join score_sheet s on s.id = a.sheet_id "
            + "where s.session_id = ? and s.scenario = ? and s.author = ? and a.area = ?";

    /** The reason a panelist writes for an area on draft number {@code draft}. */
    static String reason(String author, int draft, int area) {
        return author + " draft " + draft + ": area " + area + ", concrete examples, clear trade-offs.";
    }

    /**
     * True when the stored row keeps this acknowledged score: it holds this draft's score and
     * reason, or those of a later draft of the same author.
     */
    public boolean keptBy(Integer storedScore, String storedReason) {
        int stored = draftOf(storedReason);
        return stored > draft || stored == draft && Objects.equals(storedScore, score) && reason.equals(storedReason);
    }

    private int draftOf(String storedReason) {
        String prefix = author + " draft ";
        if (!storedReason.startsWith(prefix) || storedReason.indexOf(':') < prefix.length()) {
            return -1;
        }
        try {
            return Integer.parseInt(storedReason.substring(prefix.length(), storedReason.indexOf(':')));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
