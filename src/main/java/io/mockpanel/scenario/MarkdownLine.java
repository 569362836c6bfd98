package io.mockpanel.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** One stripped line of a library file with its 1-based number, and what kind of Markdown it is. */
record MarkdownLine(int number, String text) {

    private static final Pattern HEADING = Pattern.compile("(#{1,6})(?:[ \\t]+(.*))?");
    // Checked before list items: "- - -" and "***" are rules, not bullets.
    private static final Pattern RULE = Pattern.compile("([-*_])(?:[ \\t]*\\1){2,}");
    private static final Pattern BULLET = Pattern.compile("[-*+](?:[ \\t]+(.*))?");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,9}[.)](?:[ \\t]+(.*))?");
    // Accepts both "**Level**: x" and "**Level:** x", the two ways people write a bold field name.
    private static final Pattern FIELD =
            Pattern.compile("\\*\\*[ \\t]*([^*:]+?)[ \\t]*(?:\\*\\*[ \\t]*:|:[ \\t]*\\*\\*)(.*)");

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

    /** A "**Name**: value" line: group 1 the name, group 2 the rest; else null. */
    @Nullable Matcher field() {
        Matcher m = FIELD.matcher(text);
        return m.matches() ? m : null;
    }

    /** Keeps messages readable when the offending line is a long paragraph. */
    static String quote(String text) {
        return text.codePointCount(0, text.length()) <= 60 ? text
                : text.substring(0, text.offsetByCodePoints(0, 57)) + "...";
    }
}
