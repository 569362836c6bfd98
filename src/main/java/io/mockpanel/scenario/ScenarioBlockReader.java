package io.mockpanel.scenario;

import static io.mockpanel.scenario.MarkdownLine.quote;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the lines below one scenario heading. Every problem goes to the shared list and reading
 * goes on after it, so one upload shows all of a file's problems; a line that only follows from an
 * earlier problem (the rest of a misplaced list, the next lines of a stray paragraph) is not
 * reported a second time.
 */
final class ScenarioBlockReader {

    static final int MIN_DURATION = 1;
    static final int MAX_DURATION = 600;

    private static final Pattern AREA_NUMBER = Pattern.compile("\\d{1,9}[.)](?:[ \\t]+|$)");
    private static final Pattern DURATION = Pattern.compile("(?i)(\\d{1,9})(?:[ \\t]*(?:minutes?|mins?))?");

    private enum Field {
        LEVEL("Level"),
        DURATION("Duration"),
        COMPANY("Company"),
        SITUATION("Situation"),
        CHALLENGES("Key Challenges"),
        DISCUSSION("Expected Discussion Points");

        final String label;

        Field(String label) {
            this.label = label;
        }

        static @Nullable Field named(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
                case "level" -> LEVEL;
                case "duration" -> DURATION;
                case "company" -> COMPANY;
                case "situation" -> SITUATION;
                case "key challenges", "challenges" -> CHALLENGES;
                case "expected discussion points", "discussion points", "discussion areas",
                        "areas of discussion" -> DISCUSSION;
                default -> null;
            };
        }
    }

    /** What a list item belongs to at this point; SKIP is the rest of a list already reported. */
    private enum Context { NONE, CHALLENGES, DISCUSSION, AREA, SKIP }

    private record AreaDraft(int line, String title, List<CollectedText> questions) {
    }

    private final List<FormatProblem> problems;
    private final MarkdownLine heading;
    private final String title;
    /** How messages name this scenario: by its title, or by its line when it has none. */
    private final String name;

    private final Map<Field, CollectedText> values = new EnumMap<>(Field.class);
    private final Map<Field, Integer> seenAt = new EnumMap<>(Field.class);
    private final List<CollectedText> challenges = new ArrayList<>();
    private final List<AreaDraft> areas = new ArrayList<>();
    private Context context = Context.NONE;
    private @Nullable CollectedText open;
    private boolean questionBeforeAnyArea;

    ScenarioBlockReader(List<FormatProblem> problems, MarkdownLine heading, String title) {
        this.problems = problems;
        this.heading = heading;
        this.title = title;
        this.name = title.isEmpty() ? "the scenario at line " + heading.number() : "scenario \"" + quote(title) + "\"";
    }

    /** The scenario, or null when anything in it is wrong (every problem is in the list then). */
    @Nullable ScenarioContent read(@Nullable String category, List<MarkdownLine> body) {
        int before = problems.size();
        LibraryLimits.check(problems, heading.number(), name, "title", title, LibraryLimits.SHORT_TEXT);
        for (MarkdownLine line : body) {
            accept(line);
        }
        String level = required(Field.LEVEL, "Senior Manager", LibraryLimits.SHORT_TEXT);
        String durationText = required(Field.DURATION, "45 minutes", Integer.MAX_VALUE);
        Integer minutes = durationText == null ? null : minutes(durationText, values.get(Field.DURATION).line);
        String situation = required(Field.SITUATION, "You are leading ...", LibraryLimits.LONG_TEXT);
        String company = optional(Field.COMPANY, LibraryLimits.SHORT_TEXT);
        List<String> keyChallenges = checked(challenges, "key challenge");
        List<DiscussionArea> discussionAreas = discussionAreas();
        if (problems.size() > before || category == null || level == null || minutes == null || situation == null) {
            return null;
        }
        return new ScenarioContent(category, title, level, minutes, company, situation, keyChallenges,
                discussionAreas);
    }

    private void accept(MarkdownLine line) {
        if (line.isBlank()) {
            // A field name alone on its line may have its value in the next paragraph.
            if (open != null && !open.isEmpty()) {
                open = null;
            }
            return;
        }
        int level = line.headingLevel();
        String item = line.listItem();
        Matcher field = line.field();
        if (level >= 5) {
            problem(line.number(), "the heading \"" + quote(line.text()) + "\" in " + name + " is too deep;"
                    + " discussion areas use \"####\" headings, like \"#### 1. Change Management\".");
            open = null;
        } else if (level == 4) {
            areas.add(new AreaDraft(line.number(), areaTitle(line), new ArrayList<>()));
            context = Context.AREA;
            open = null;
        } else if (item != null) {
            open = listItem(line, item);
        } else if (field != null) {
            open = field(line, field);
        } else if (open != null) {
            open.continueWith(line.text());
        } else {
            problem(line.number(), "the text \"" + quote(line.text()) + "\" in " + name + " is not part of any"
                    + " field; each line must be a **Field**: line, a list item starting with \"- \", or a"
                    + " \"####\" discussion area heading.");
            open = CollectedText.discarded(line.number());
        }
    }

    private @Nullable CollectedText listItem(MarkdownLine line, String item) {
        if (item.isEmpty()) {
            problem(line.number(), ScenarioMarkdownReader.EMPTY_ITEM);
            return null;
        }
        var text = new CollectedText(line.number(), item);
        switch (context) {
            case CHALLENGES -> challenges.add(text);
            case AREA -> areas.getLast().questions().add(text);
            case DISCUSSION -> {
                problem(line.number(), "the question \"" + quote(item) + "\" in " + name + " comes before any"
                        + " discussion area; put a heading like \"#### 1. Area title\" above it.");
                questionBeforeAnyArea = true;
                context = Context.SKIP;
            }
            case NONE -> {
                problem(line.number(), "the list item \"" + quote(item) + "\" in " + name + " does not belong"
                        + " to a list; lists go under **Key Challenges**: or under a \"####\" discussion area"
                        + " heading.");
                context = Context.SKIP;
            }
            case SKIP -> {
                // Same misplaced list as the item reported above it.
            }
        }
        return text;
    }

    private @Nullable CollectedText field(MarkdownLine line, Matcher match) {
        Field field = Field.named(match.group(1));
        String value = match.group(2).strip();
        if (field == null) {
            problem(line.number(), name + " has an unknown field **" + match.group(1).strip() + "**; the fields"
                    + " a scenario can have are **Level**, **Duration**, **Company**, **Situation**,"
                    + " **Key Challenges** and **Expected Discussion Points**.");
            // Its value, and a list below it, belong to the unknown field: not reported again.
            context = Context.SKIP;
            return CollectedText.discarded(line.number());
        }
        Integer earlier = seenAt.putIfAbsent(field, line.number());
        if (earlier != null) {
            problem(line.number(), name + " gives **" + field.label + "** twice (lines " + earlier + " and "
                    + line.number() + "); keep only one.");
        }
        if (field == Field.CHALLENGES || field == Field.DISCUSSION) {
            if (!value.isEmpty()) {
                problem(line.number(), "in " + name + " the text after **" + field.label + "**: should be on its"
                        + " own lines: " + (field == Field.CHALLENGES
                                ? "a list with one challenge per line starting with \"- \"."
                                : "headings like \"#### 1. Area title\", each followed by its questions."));
            }
            context = field == Field.CHALLENGES ? Context.CHALLENGES : Context.DISCUSSION;
            return null;
        }
        context = Context.NONE;
        var text = new CollectedText(line.number(), value);
        if (earlier == null) {
            values.put(field, text);
        }
        return text;
    }

    private String areaTitle(MarkdownLine line) {
        String text = line.headingText();
        Matcher number = AREA_NUMBER.matcher(text);
        String areaTitle = CollectedText.unescape((number.lookingAt() ? text.substring(number.end()) : text).strip());
        if (areaTitle.isEmpty()) {
            problem(line.number(), "a discussion area heading in " + name + " has no title; write it like"
                    + " \"#### 1. Change Management\".");
        }
        return areaTitle;
    }

    /** The field's value, or null after reporting that it is missing, empty or too long. */
    private @Nullable String required(Field field, String example, int maxLength) {
        CollectedText text = values.get(field);
        if (text == null) {
            problem(heading.number(), name + " has no **" + field.label + "**: line; every scenario needs one.");
            return null;
        }
        String value = text.value();
        if (value.isEmpty()) {
            problem(text.line, "the **" + field.label + "**: of " + name + " is empty; write it after the colon,"
                    + " like \"**" + field.label + "**: " + example + "\".");
            return null;
        }
        int before = problems.size();
        LibraryLimits.check(problems, text.line, name, field.label.toLowerCase(Locale.ROOT), value, maxLength);
        return problems.size() > before ? null : value;
    }

    private @Nullable String optional(Field field, int maxLength) {
        CollectedText text = values.get(field);
        if (text == null || text.value().isEmpty()) {
            return null;
        }
        LibraryLimits.check(problems, text.line, name, field.label.toLowerCase(Locale.ROOT), text.value(),
                maxLength);
        return text.value();
    }

    private @Nullable Integer minutes(String duration, int line) {
        Matcher m = DURATION.matcher(duration);
        if (m.matches()) {
            int minutes = Integer.parseInt(m.group(1));
            if (minutes >= MIN_DURATION && minutes <= MAX_DURATION) {
                return minutes;
            }
        }
        problem(line, "the duration \"" + quote(duration) + "\" is not a number of minutes; write it like"
                + " \"45 minutes\" (" + MIN_DURATION + " to " + MAX_DURATION + ").");
        return null;
    }

    private List<DiscussionArea> discussionAreas() {
        if (areas.isEmpty()) {
            // A question above any area heading was reported already; this would say the same again.
            if (!questionBeforeAnyArea) {
                problem(heading.number(), name + " has no discussion areas; add an **Expected Discussion Points**:"
                        + " line followed by headings like \"#### 1. Area title\", each with its questions.");
            }
            return List.of();
        }
        List<DiscussionArea> result = new ArrayList<>();
        for (AreaDraft area : areas) {
            String areaName = area.title().isEmpty() ? "the discussion area at line " + area.line()
                    : "discussion area \"" + quote(area.title()) + "\"";
            LibraryLimits.check(problems, area.line(), name, "discussion area title", area.title(),
                    LibraryLimits.HEADING);
            if (area.questions().isEmpty()) {
                problem(area.line(), areaName + " in " + name + " has no questions; list them below it, one per"
                        + " line starting with \"- \".");
            }
            result.add(new DiscussionArea(area.title(), checked(area.questions(), "question")));
        }
        return result;
    }

    /** The texts' values, each checked against the longest text the database holds. */
    private List<String> checked(List<CollectedText> texts, String what) {
        for (CollectedText text : texts) {
            LibraryLimits.check(problems, text.line, name, what, text.value(), LibraryLimits.LONG_TEXT);
        }
        return texts.stream().map(CollectedText::value).toList();
    }

    private void problem(int line, String message) {
        problems.add(new FormatProblem(line, message));
    }
}
