package io.mockpanel.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Imports a scenario library Markdown file (the format of {@code scenarios/seed-library.md}). */
public final class ScenarioMarkdownReader {

    static final int MIN_DURATION = 1;
    static final int MAX_DURATION = 600;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern HEADING = Pattern.compile("(#{1,6})(?:[ \\t]+(.*))?");
    // Checked before list items: "- - -" and "***" are rules, not bullets.
    private static final Pattern RULE = Pattern.compile("([-*_])(?:[ \\t]*\\1){2,}");
    private static final Pattern BULLET = Pattern.compile("[-*+](?:[ \\t]+(.*))?");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,9}[.)](?:[ \\t]+(.*))?");
    // Accepts both "**Level**: x" and "**Level:** x", the two ways people write a bold field name.
    private static final Pattern FIELD =
            Pattern.compile("\\*\\*[ \\t]*([^*:]+?)[ \\t]*(?:\\*\\*[ \\t]*:|:[ \\t]*\\*\\*)(.*)");
    private static final Pattern LABEL = Pattern.compile("\\*\\*(.+?)(?:\\*\\*[ \\t]*:|:\\*\\*)(.*)");
    private static final Pattern SCENARIO_PREFIX = Pattern.compile("(?i)scenario[ \\t]+\\d{1,9}[ \\t]*:[ \\t]*");
    private static final Pattern AREA_NUMBER = Pattern.compile("\\d{1,9}[.)](?:[ \\t]+|$)");
    private static final Pattern DURATION =
            Pattern.compile("(?i)(\\d{1,9})(?:[ \\t]*(?:minutes?|mins?))?");
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public LibraryDocument read(String markdown) throws ScenarioFormatException {
        String text = withoutBom(MojibakeRepair.repair(withoutBom(markdown)));
        if (text.isBlank()) {
            throw new ScenarioFormatException(0, "The file is empty; a scenario library needs at least"
                    + " one scenario, starting with a heading like \"### Scenario 1: Title\".");
        }
        String[] raw = LINE_BREAK.split(text, -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new Line(i + 1, raw[i].strip()));
        }
        return new Parse(lines).document();
    }

    /**
     * Undoes the writer's escape: a backslash before ASCII punctuation at the start of a value, as
     * in Markdown, so that values may begin with characters the format would otherwise misread.
     */
    static String unescape(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\\' && ASCII_PUNCTUATION.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private record Line(int number, String text) {

        boolean isBlank() {
            return text.isEmpty();
        }

        /** Heading level 1–6, or 0 when this is not an ATX heading. */
        int headingLevel() {
            Matcher m = HEADING.matcher(text);
            return m.matches() ? m.group(1).length() : 0;
        }

        String headingText() {
            Matcher m = HEADING.matcher(text);
            return m.matches() && m.group(2) != null ? m.group(2).strip() : "";
        }

        boolean isRule() {
            return RULE.matcher(text).matches();
        }

        /** The item's text when this line is a bulleted or numbered list item, else null. */
        @Nullable String listItem() {
            if (isRule()) {
                return null;
            }
            Matcher m = BULLET.matcher(text);
            if (!m.matches()) {
                m = NUMBERED.matcher(text);
                if (!m.matches()) {
                    return null;
                }
            }
            return m.group(1) == null ? "" : m.group(1).strip();
        }

        @Nullable Matcher field() {
            Matcher m = FIELD.matcher(text);
            return m.matches() ? m : null;
        }
    }

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

    /** A value being collected; Markdown lets a paragraph or list item continue on the next line. */
    private static final class Text {
        final int line;
        final StringBuilder value;

        Text(int line, String first) {
            this.line = line;
            this.value = new StringBuilder(first);
        }

        void continueWith(String more) {
            if (!value.isEmpty()) {
                value.append(' ');
            }
            value.append(more);
        }

        String value() {
            return unescape(value.toString().strip());
        }
    }

    private record AreaDraft(int line, String title, List<Text> questions) {}

    private enum Context { NONE, CHALLENGES, DISCUSSION, AREA }

    private static final class Parse {
        private final List<Line> lines;
        private final List<ScenarioContent> scenarios = new ArrayList<>();
        private final List<GuidanceList> guidance = new ArrayList<>();
        private final Map<String, Integer> titleLines = new HashMap<>();
        private @Nullable String category;
        private int position;
        /** True in the document's title/description and after a rule: text there belongs to no scenario. */
        private boolean outsideContent = true;

        Parse(List<Line> lines) {
            this.lines = lines;
        }

        LibraryDocument document() throws ScenarioFormatException {
            while (position < lines.size()) {
                Line line = lines.get(position);
                int level = line.headingLevel();
                if (level == 3) {
                    block(line);
                    continue;
                }
                position++;
                if (level == 1) {
                    category = null;
                    outsideContent = true;
                } else if (level == 2) {
                    category = sectionHeading(line);
                    outsideContent = false;
                } else if (level >= 4 && !outsideContent) {
                    throw new ScenarioFormatException(line.number(), "the heading \"" + quote(line.text())
                            + "\" is not inside a scenario; \"####\" discussion area headings belong below a"
                            + " scenario's **Expected Discussion Points**: line.");
                } else if (line.isRule()) {
                    outsideContent = true;
                } else if (!outsideContent && level == 0) {
                    rejectStrayLine(line);
                }
            }
            if (scenarios.isEmpty()) {
                throw new ScenarioFormatException(0, "The file has no scenarios; each scenario starts with"
                        + " a heading like \"### Scenario 1: Title\" under a \"## Category\" heading.");
            }
            return new LibraryDocument(scenarios, guidance);
        }

        private String sectionHeading(Line line) throws ScenarioFormatException {
            String text = unescape(line.headingText());
            if (text.isEmpty()) {
                throw new ScenarioFormatException(line.number(), "the \"##\" heading has no text; write the"
                        + " category name after it, like \"## Executive Leadership Scenarios\".");
            }
            return text;
        }

        /** Free text under a category heading is an introduction and is skipped; data there is not. */
        private static void rejectStrayLine(Line line) throws ScenarioFormatException {
            if (line.field() != null) {
                throw new ScenarioFormatException(line.number(), "the line \"" + quote(line.text())
                        + "\" is not inside a scenario; start each scenario with a heading like"
                        + " \"### Scenario 1: Title\" above its fields.");
            }
            if (line.listItem() != null) {
                throw new ScenarioFormatException(line.number(), "the list item \"" + quote(line.text())
                        + "\" is not under a \"###\" heading; put it in a scenario or under a list title"
                        + " like \"### Preparation Strategies\".");
            }
        }

        private void block(Line heading) throws ScenarioFormatException {
            position++;
            int start = position;
            while (position < lines.size()) {
                Line line = lines.get(position);
                int level = line.headingLevel();
                if ((level >= 1 && level <= 3) || line.isRule()) {
                    break;
                }
                position++;
            }
            List<Line> body = lines.subList(start, position);
            boolean hasFields = body.stream().anyMatch(l -> l.field() != null || l.headingLevel() >= 4);
            boolean hasList = body.stream().anyMatch(l -> l.listItem() != null);
            if (hasFields) {
                scenarios.add(scenario(heading, body));
            } else if (hasList) {
                guidance.add(guidanceList(heading, body));
            } else {
                throw new ScenarioFormatException(heading.number(), "the heading \"" + quote(heading.text())
                        + "\" has neither scenario fields nor a list below it; a scenario needs lines like"
                        + " \"**Level**: ...\" and a guidance list needs items like \"1. **Label**: text\".");
            }
        }

        private ScenarioContent scenario(Line heading, List<Line> body) throws ScenarioFormatException {
            String title = scenarioTitle(heading);
            if (category == null) {
                throw new ScenarioFormatException(heading.number(), "scenario \"" + quote(title) + "\" is not"
                        + " under a category; add a heading like \"## Executive Leadership Scenarios\" above it.");
            }
            Integer earlier = titleLines.putIfAbsent(title.toLowerCase(Locale.ROOT), heading.number());
            if (earlier != null) {
                throw new ScenarioFormatException(heading.number(), "there are two scenarios called \""
                        + quote(title) + "\" (lines " + earlier + " and " + heading.number()
                        + "); each scenario needs its own title.");
            }

            Map<Field, Text> values = new EnumMap<>(Field.class);
            Map<Field, Integer> seenAt = new EnumMap<>(Field.class);
            List<Text> challenges = new ArrayList<>();
            List<AreaDraft> areas = new ArrayList<>();
            Context context = Context.NONE;
            Text open = null;
            for (Line line : body) {
                if (line.isBlank()) {
                    // A field name alone on its line may have its value in the next paragraph.
                    if (open != null && !open.value.isEmpty()) {
                        open = null;
                    }
                    continue;
                }
                int level = line.headingLevel();
                String item = line.listItem();
                Matcher field = line.field();
                if (level >= 5) {
                    throw new ScenarioFormatException(line.number(), "the heading \"" + quote(line.text())
                            + "\" in scenario \"" + quote(title) + "\" is too deep; discussion areas use"
                            + " \"####\" headings, like \"#### 1. Change Management\".");
                } else if (level == 4) {
                    areas.add(new AreaDraft(line.number(), areaTitle(line, title), new ArrayList<>()));
                    context = Context.AREA;
                    open = null;
                } else if (item != null) {
                    open = listItem(line, item, title, context, challenges, areas);
                } else if (field != null) {
                    Field name = Field.named(field.group(1));
                    if (name == null) {
                        throw new ScenarioFormatException(line.number(), "scenario \"" + quote(title)
                                + "\" has an unknown field **" + field.group(1).strip() + "**; the fields a"
                                + " scenario can have are **Level**, **Duration**, **Company**, **Situation**,"
                                + " **Key Challenges** and **Expected Discussion Points**.");
                    }
                    Integer before = seenAt.putIfAbsent(name, line.number());
                    if (before != null) {
                        throw new ScenarioFormatException(line.number(), "scenario \"" + quote(title)
                                + "\" gives **" + name.label + "** twice (lines " + before + " and "
                                + line.number() + "); keep only one.");
                    }
                    String value = field.group(2).strip();
                    if (name == Field.CHALLENGES || name == Field.DISCUSSION) {
                        if (!value.isEmpty()) {
                            throw new ScenarioFormatException(line.number(), "in scenario \"" + quote(title)
                                    + "\" the text after **" + name.label + "**: should be on its own lines: "
                                    + (name == Field.CHALLENGES
                                            ? "a list with one challenge per line starting with \"- \"."
                                            : "headings like \"#### 1. Area title\", each followed by its"
                                                    + " questions."));
                        }
                        context = name == Field.CHALLENGES ? Context.CHALLENGES : Context.DISCUSSION;
                        open = null;
                    } else {
                        open = new Text(line.number(), value);
                        values.put(name, open);
                        context = Context.NONE;
                    }
                } else if (open != null) {
                    open.continueWith(line.text());
                } else {
                    throw new ScenarioFormatException(line.number(), "the text \"" + quote(line.text())
                            + "\" in scenario \"" + quote(title) + "\" is not part of any field; each line"
                            + " must be a **Field**: line, a list item starting with \"- \", or a \"####\""
                            + " discussion area heading.");
                }
            }

            String level = required(values, Field.LEVEL, heading, title, "Senior Manager").value();
            Text duration = required(values, Field.DURATION, heading, title, "45 minutes");
            int minutes = minutes(duration.value(), duration.line);
            String situation = required(values, Field.SITUATION, heading, title, "You are leading ...").value();
            Text companyText = values.get(Field.COMPANY);
            String company = companyText == null || companyText.value().isEmpty() ? null : companyText.value();
            if (areas.isEmpty()) {
                throw new ScenarioFormatException(heading.number(), "scenario \"" + quote(title) + "\" has no"
                        + " discussion areas; add an **Expected Discussion Points**: line followed by"
                        + " headings like \"#### 1. Area title\", each with its questions.");
            }
            List<DiscussionArea> discussionAreas = new ArrayList<>();
            for (AreaDraft area : areas) {
                if (area.questions().isEmpty()) {
                    throw new ScenarioFormatException(area.line(), "discussion area \"" + quote(area.title())
                            + "\" in scenario \"" + quote(title) + "\" has no questions; list them below"
                            + " it, one per line starting with \"- \".");
                }
                discussionAreas.add(new DiscussionArea(area.title(), values(area.questions())));
            }
            return new ScenarioContent(category, title, level, minutes, company, situation,
                    values(challenges), discussionAreas);
        }

        private static Text listItem(Line line, String item, String title, Context context,
                List<Text> challenges, List<AreaDraft> areas) throws ScenarioFormatException {
            if (item.isEmpty()) {
                throw emptyItem(line);
            }
            Text text = new Text(line.number(), item);
            switch (context) {
                case CHALLENGES -> challenges.add(text);
                case AREA -> areas.getLast().questions().add(text);
                case DISCUSSION -> throw new ScenarioFormatException(line.number(), "the question \""
                        + quote(item) + "\" in scenario \"" + quote(title) + "\" comes before any discussion"
                        + " area; put a heading like \"#### 1. Area title\" above it.");
                case NONE -> throw new ScenarioFormatException(line.number(), "the list item \"" + quote(item)
                        + "\" in scenario \"" + quote(title) + "\" does not belong to a list; lists go under"
                        + " **Key Challenges**: or under a \"####\" discussion area heading.");
            }
            return text;
        }

        private static String scenarioTitle(Line heading) throws ScenarioFormatException {
            String text = heading.headingText();
            Matcher prefix = SCENARIO_PREFIX.matcher(text);
            String title = unescape((prefix.lookingAt() ? text.substring(prefix.end()) : text).strip());
            if (title.isEmpty()) {
                throw new ScenarioFormatException(heading.number(), "the scenario heading has no title;"
                        + " write it like \"### Scenario 1: Crisis Management\".");
            }
            return title;
        }

        private static String areaTitle(Line line, String scenario) throws ScenarioFormatException {
            String text = line.headingText();
            Matcher number = AREA_NUMBER.matcher(text);
            String title = unescape((number.lookingAt() ? text.substring(number.end()) : text).strip());
            if (title.isEmpty()) {
                throw new ScenarioFormatException(line.number(), "a discussion area heading in scenario \""
                        + quote(scenario) + "\" has no title; write it like \"#### 1. Change Management\".");
            }
            return title;
        }

        private static Text required(Map<Field, Text> values, Field field, Line heading, String title,
                String example) throws ScenarioFormatException {
            Text text = values.get(field);
            if (text == null) {
                throw new ScenarioFormatException(heading.number(), "scenario \"" + quote(title) + "\" has no **"
                        + field.label + "**: line; every scenario needs one.");
            }
            String value = text.value();
            if (value.isEmpty()) {
                throw new ScenarioFormatException(text.line, "the **" + field.label + "**: of scenario \""
                        + quote(title) + "\" is empty; write it after the colon, like \"**" + field.label
                        + "**: " + example + "\".");
            }
            return text;
        }

        private static int minutes(String duration, int line) throws ScenarioFormatException {
            Matcher m = DURATION.matcher(duration);
            if (m.matches()) {
                int minutes = Integer.parseInt(m.group(1));
                if (minutes >= MIN_DURATION && minutes <= MAX_DURATION) {
                    return minutes;
                }
            }
            throw new ScenarioFormatException(line, "the duration \"" + quote(duration) + "\" is not a number"
                    + " of minutes; write it like \"45 minutes\" (" + MIN_DURATION + " to " + MAX_DURATION + ").");
        }

        private GuidanceList guidanceList(Line heading, List<Line> body) throws ScenarioFormatException {
            String title = unescape(heading.headingText());
            if (title.isEmpty()) {
                throw new ScenarioFormatException(heading.number(), "a \"###\" heading has no text; write the"
                        + " list's title after it, like \"### Preparation Strategies\".");
            }
            if (category == null) {
                throw new ScenarioFormatException(heading.number(), "the list \"" + quote(title) + "\" is not"
                        + " under a \"##\" heading; add one above it, like \"## Interview Tips\".");
            }
            List<Text> items = new ArrayList<>();
            Text open = null;
            for (Line line : body) {
                String item = line.listItem();
                if (line.isBlank()) {
                    open = null;
                } else if (item != null) {
                    if (item.isEmpty()) {
                        throw emptyItem(line);
                    }
                    open = new Text(line.number(), item);
                    items.add(open);
                } else if (open != null) {
                    open.continueWith(line.text());
                } else {
                    throw new ScenarioFormatException(line.number(), "the text \"" + quote(line.text())
                            + "\" under \"" + quote(title) + "\" is not part of the list; each line must be"
                            + " an item like \"1. **Label**: text\".");
                }
            }
            List<GuidanceItem> guidanceItems = new ArrayList<>();
            for (Text item : items) {
                String raw = item.value.toString().strip();
                Matcher label = LABEL.matcher(raw);
                guidanceItems.add(label.matches()
                        ? new GuidanceItem(label.group(1).strip(), unescape(label.group(2).strip()))
                        : new GuidanceItem("", unescape(raw)));
            }
            return new GuidanceList(category, title, guidanceItems);
        }

        private static ScenarioFormatException emptyItem(Line line) {
            return new ScenarioFormatException(line.number(), "the list item is empty; write its text after"
                    + " the \"- \" or remove the line.");
        }

        private static List<String> values(List<Text> texts) {
            return texts.stream().map(Text::value).toList();
        }

        /** Keeps messages readable when the offending line is a long paragraph. */
        private static String quote(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }
}
