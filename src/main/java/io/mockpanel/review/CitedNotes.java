package io.mockpanel.review;

import io.mockpanel.panel.PromptKind;
import io.mockpanel.panel.PromptRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which notes a score rests on (decision 0027): the scorer's own notes taken while a question of
 * that area was on the candidate's screen, and any note the justification points at by its time
 * ("at 12:30", "1:02:30"), within half a minute either side. Only notes the reader may see are
 * offered, so a private note is cited only for its author.
 */
final class CitedNotes {

    /** How far a time written in a justification may be from a note's stamp. */
    static final Duration TOLERANCE = Duration.ofSeconds(30);

    private static final Pattern TIME = Pattern.compile("(?<![\\d:])(?:(\\d{1,2}):)?(\\d{1,3}):([0-5]\\d)(?![\\d:])");

    /** A note as the reader may see it. */
    record VisibleNote(long id, String author, Duration offset, @Nullable PromptRef prompt, String text) {
    }

    private CitedNotes() {
    }

    static List<SessionReview.CitedNote> of(String scorer, int scenario, int area, String justification,
            List<VisibleNote> notes) {
        Map<Long, VisibleNote> cited = new LinkedHashMap<>();
        for (VisibleNote note : notes) {
            PromptRef prompt = note.prompt();
            if (note.author().equals(scorer) && prompt != null && prompt.scenario() == scenario
                    && prompt.kind() == PromptKind.QUESTION && prompt.area() == area) {
                cited.put(note.id(), note);
            }
        }
        for (Duration mentioned : mentionedTimes(justification)) {
            for (VisibleNote note : notes) {
                if (note.offset().minus(mentioned).abs().compareTo(TOLERANCE) <= 0) {
                    cited.putIfAbsent(note.id(), note);
                }
            }
        }
        return cited.values().stream().sorted(Comparator.comparing(VisibleNote::offset).thenComparing(VisibleNote::id))
                .map(note -> new SessionReview.CitedNote(note.id(), note.offset(), note.text())).toList();
    }

    /** The times written in a text as m:ss, mm:ss or h:mm:ss. */
    static List<Duration> mentionedTimes(String text) {
        List<Duration> times = new ArrayList<>();
        Matcher matcher = TIME.matcher(text);
        while (matcher.find()) {
            long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
            long minutes = Long.parseLong(matcher.group(2));
            if (matcher.group(1) != null && minutes > 59) {
                continue;
            }
            times.add(Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(Long.parseLong(matcher.group(3))));
        }
        return times;
    }
}
