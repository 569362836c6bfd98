package io.mockpanel.review;

import io.mockpanel.panel.QuickTag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A candidate's development across the sessions they had: scores per competency and overall, quick
 * tags, and which scenarios of the current library they did.
 *
 * @param sessions the sessions that took place (started), oldest first
 * @param groups   the competencies (or area titles of their own) that have a score, in display order
 * @param groupAreas which discussion-area titles each group stands for, for the reader to check
 */
public record CandidateProgress(Candidate candidate, List<SessionPoint> sessions, List<String> groups,
        SortedMap<String, List<String>> groupAreas, List<ScenarioDone> done, List<ScenarioToDo> notDone) {

    public CandidateProgress {
        sessions = List.copyOf(sessions);
        groups = List.copyOf(groups);
        done = List.copyOf(done);
        notDone = List.copyOf(notDone);
    }

    /** Nothing to chart yet: no session took place or none has revealed scores. */
    public boolean hasScores() {
        return sessions.stream().anyMatch(s -> s.overall() != null);
    }

    /** Quick tags added in any session, most frequent first. */
    public List<QuickTag> tagsUsed() {
        var totals = new java.util.EnumMap<QuickTag, Integer>(QuickTag.class);
        sessions.forEach(s -> s.tags().forEach((tag, n) -> totals.merge(tag, n, Integer::sum)));
        return totals.entrySet().stream()
                .sorted(Map.Entry.<QuickTag, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * One session on the time axis.
     *
     * @param overall   mean of all its area values (each area of each revealed scenario counts once)
     * @param byGroup   mean of its area values per group; a group without a value is missing
     * @param consensusAreas how many of its area values are the panel's consensus (the rest are the
     *                  mean of the submitted sheets)
     * @param tags      how often each quick tag was added
     */
    public record SessionPoint(long sessionId, String title, Instant at, @Nullable Double overall,
            Map<String, Double> byGroup, int areaValues, int consensusAreas, Map<QuickTag, Integer> tags) {

        public SessionPoint {
            byGroup = Map.copyOf(byGroup);
            tags = Map.copyOf(tags);
        }
    }

    /** A scenario the candidate had in a session that took place; libraryId null when no longer in the library. */
    public record ScenarioDone(@Nullable Long libraryId, String title, int times, Instant lastAt) {
    }

    /** A scenario of the current library the candidate has not had yet. */
    public record ScenarioToDo(long libraryId, String title, String category) {
    }
}
