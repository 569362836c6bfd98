package io.mockpanel.scenario;

import static io.mockpanel.scenario.MarkdownLine.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Imports a scenario library Markdown file (the format of {@code scenarios/seed-library.md}).
 * A malformed file is refused with every problem in it, each with its line, not only the first:
 * after a problem the reader goes on with the next line, and with the next heading after a broken
 * scenario or list.
 */
public final class ScenarioMarkdownReader {

    static final String EMPTY_ITEM = "the list item is empty; write its text after the \"- \" or remove the line.";

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern LABEL = Pattern.compile("\\*\\*(.+?)(?:\\*\\*[ \\t]*:|:\\*\\*)(.*)");
    private static final Pattern SCENARIO_PREFIX = Pattern.compile("(?i)scenario[ \\t]+\\d{1,9}[ \\t]*:[ \\t]*");

    public LibraryDocument read(String markdown) throws ScenarioFormatException {
        String text = withoutBom(MojibakeRepair.repair(withoutBom(markdown)));
        if (text.isBlank()) {
            throw new ScenarioFormatException(0, "The file is empty; a scenario library needs at least"
                    + " one scenario, starting with a heading like \"### Scenario 1: Title\".");
        }
        String[] raw = LINE_BREAK.split(text, -1);
        List<MarkdownLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new MarkdownLine(i + 1, raw[i].strip()));
        }
        var parse = new Parse(lines);
        LibraryDocument document = parse.document();
        if (!parse.problems.isEmpty()) {
            throw new ScenarioFormatException(parse.problems);
        }
        return document;
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** What lines outside any "###" block are skipped as belonging to a problem already reported. */
    private enum Skip { NONE, PARAGRAPH, AREA }

    private static final class Parse {
        private final List<MarkdownLine> lines;
        private final List<FormatProblem> problems = new ArrayList<>();
        private final List<ScenarioContent> scenarios = new ArrayList<>();
        private final List<GuidanceList> guidance = new ArrayList<>();
        private final Map<String, Integer> titleLines = new HashMap<>();
        /** Category headings whose length was checked, so a long one is reported once, not per scenario. */
        private final Set<Integer> checkedCategories = new HashSet<>();
        private @Nullable String category;
        private int categoryLine;
        private int position;
        private int scenarioBlocks;
        /** True in the document's title/description and after a rule: text there belongs to no scenario. */
        private boolean outsideContent = true;
        private Skip skip = Skip.NONE;

        Parse(List<MarkdownLine> lines) {
            this.lines = lines;
        }

        LibraryDocument document() {
            while (position < lines.size()) {
                MarkdownLine line = lines.get(position);
                int level = line.headingLevel();
                if (level == 3) {
                    skip = Skip.NONE;
                    block(line);
                    continue;
                }
                position++;
                if (level >= 1 && level <= 2 || line.isRule()) {
                    skip = Skip.NONE;
                }
                if (level == 1) {
                    category = null;
                    outsideContent = true;
                } else if (level == 2) {
                    category = sectionHeading(line);
                    categoryLine = line.number();
                    outsideContent = false;
                } else if (line.isRule()) {
                    outsideContent = true;
                } else if (!outsideContent) {
                    stray(line, level);
                }
            }
            if (scenarioBlocks == 0) {
                problem(0, "The file has no scenarios; each scenario starts with a heading like"
                        + " \"### Scenario 1: Title\" under a \"## Category\" heading.");
            }
            return new LibraryDocument(scenarios, guidance);
        }

        private @Nullable String sectionHeading(MarkdownLine line) {
            String text = CollectedText.unescape(line.headingText());
            if (text.isEmpty()) {
                problem(line.number(), "the \"##\" heading has no text; write the category name after it, like"
                        + " \"## Executive Leadership Scenarios\".");
                return null;
            }
            return text;
        }

        /**
         * A line under a category heading but in no "###" block. Free text there is an introduction
         * and is skipped; data there is not. After a reported line, the rest of its paragraph (or,
         * after an area heading, the area's questions) is the same mistake and is not reported again.
         */
        private void stray(MarkdownLine line, int level) {
            if (line.isBlank()) {
                if (skip == Skip.PARAGRAPH) {
                    skip = Skip.NONE;
                }
                return;
            }
            if (skip != Skip.NONE && level == 0) {
                return;
            }
            if (level >= 4) {
                problem(line.number(), "the heading \"" + quote(line.text()) + "\" is not inside a scenario;"
                        + " \"####\" discussion area headings belong below a scenario's **Expected Discussion"
                        + " Points**: line.");
                skip = Skip.AREA;
            } else if (line.field() != null) {
                problem(line.number(), "the line \"" + quote(line.text()) + "\" is not inside a scenario; start each"
                        + " scenario with a heading like \"### Scenario 1: Title\" above its fields.");
                skip = Skip.PARAGRAPH;
            } else if (line.listItem() != null) {
                problem(line.number(), "the list item \"" + quote(line.text()) + "\" is not under a \"###\""
                        + " heading; put it in a scenario or under a list title like \"### Preparation"
                        + " Strategies\".");
                skip = Skip.PARAGRAPH;
            }
        }

        /** A "###" heading and the lines up to the next heading of level 1 to 3 or rule. */
        private void block(MarkdownLine heading) {
            position++;
            int start = position;
            while (position < lines.size()) {
                MarkdownLine line = lines.get(position);
                int level = line.headingLevel();
                if ((level >= 1 && level <= 3) || line.isRule()) {
                    break;
                }
                position++;
            }
            List<MarkdownLine> body = lines.subList(start, position);
            boolean hasFields = body.stream().anyMatch(l -> l.field() != null || l.headingLevel() >= 4);
            boolean hasList = body.stream().anyMatch(l -> l.listItem() != null);
            if (hasFields) {
                scenarioBlocks++;
                scenario(heading, body);
            } else if (hasList) {
                guidanceList(heading, body);
            } else {
                problem(heading.number(), "the heading \"" + quote(heading.text()) + "\" has neither scenario"
                        + " fields nor a list below it; a scenario needs lines like \"**Level**: ...\" and a"
                        + " guidance list needs items like \"1. **Label**: text\".");
            }
        }

        private void scenario(MarkdownLine heading, List<MarkdownLine> body) {
            int before = problems.size();
            String title = scenarioTitle(heading);
            String name = title.isEmpty() ? "the scenario at line " + heading.number()
                    : "scenario \"" + quote(title) + "\"";
            if (category == null) {
                problem(heading.number(), name + " is not under a category; add a heading like"
                        + " \"## Executive Leadership Scenarios\" above it.");
            } else if (checkedCategories.add(categoryLine)) {
                LibraryLimits.check(problems, categoryLine, "the category \"" + quote(category) + "\"", "name",
                        category, LibraryLimits.SHORT_TEXT);
            }
            if (!title.isEmpty()) {
                Integer earlier = titleLines.putIfAbsent(title.toLowerCase(Locale.ROOT), heading.number());
                if (earlier != null) {
                    problem(heading.number(), "there are two scenarios called \"" + quote(title) + "\" (lines "
                            + earlier + " and " + heading.number() + "); each scenario needs its own title.");
                }
            }
            ScenarioContent content = new ScenarioBlockReader(problems, heading, title).read(category, body);
            if (content != null && problems.size() == before) {
                scenarios.add(content);
            }
        }

        private String scenarioTitle(MarkdownLine heading) {
            String text = heading.headingText();
            Matcher prefix = SCENARIO_PREFIX.matcher(text);
            String title = CollectedText.unescape((prefix.lookingAt() ? text.substring(prefix.end()) : text).strip());
            if (title.isEmpty()) {
                problem(heading.number(), "the scenario heading has no title; write it like"
                        + " \"### Scenario 1: Crisis Management\".");
            }
            return title;
        }

        private void guidanceList(MarkdownLine heading, List<MarkdownLine> body) {
            int before = problems.size();
            String title = CollectedText.unescape(heading.headingText());
            String name = title.isEmpty() ? "the list at line " + heading.number() : "the list \"" + quote(title) + "\"";
            if (title.isEmpty()) {
                problem(heading.number(), "a \"###\" heading has no text; write the list's title after it, like"
                        + " \"### Preparation Strategies\".");
            }
            if (category == null) {
                problem(heading.number(), name + " is not under a \"##\" heading; add one above it, like"
                        + " \"## Interview Tips\".");
            } else if (checkedCategories.add(-categoryLine)) {
                // Negative: the same heading is checked once as a list's section, once as a category.
                LibraryLimits.check(problems, categoryLine, "the section \"" + quote(category) + "\"", "heading",
                        category, LibraryLimits.HEADING);
            }
            LibraryLimits.check(problems, heading.number(), name, "title", title, LibraryLimits.HEADING);
            List<CollectedText> items = new ArrayList<>();
            CollectedText open = null;
            for (MarkdownLine line : body) {
                String item = line.listItem();
                if (line.isBlank()) {
                    open = null;
                } else if (item != null && item.isEmpty()) {
                    problem(line.number(), EMPTY_ITEM);
                    open = null;
                } else if (item != null) {
                    open = new CollectedText(line.number(), item);
                    items.add(open);
                } else if (open != null) {
                    open.continueWith(line.text());
                } else {
                    problem(line.number(), "the text \"" + quote(line.text()) + "\" under \"" + quote(title)
                            + "\" is not part of the list; each line must be an item like \"1. **Label**: text\".");
                    open = CollectedText.discarded(line.number());
                }
            }
            List<GuidanceItem> guidanceItems = new ArrayList<>();
            for (CollectedText text : items) {
                GuidanceItem item = guidanceItem(text);
                LibraryLimits.check(problems, text.line, name, "label", item.label(), LibraryLimits.HEADING);
                LibraryLimits.check(problems, text.line, name, "entry", item.text(), LibraryLimits.LONG_TEXT);
                guidanceItems.add(item);
            }
            if (problems.size() == before && category != null) {
                guidance.add(new GuidanceList(category, title, guidanceItems));
            }
        }

        private static GuidanceItem guidanceItem(CollectedText text) {
            String raw = text.raw();
            Matcher label = LABEL.matcher(raw);
            return label.matches()
                    ? new GuidanceItem(label.group(1).strip(), CollectedText.unescape(label.group(2).strip()))
                    : new GuidanceItem("", CollectedText.unescape(raw));
        }

        private void problem(int line, String message) {
            problems.add(new FormatProblem(line, message));
        }
    }
}
