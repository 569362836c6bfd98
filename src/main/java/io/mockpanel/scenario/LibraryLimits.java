package io.mockpanel.scenario;

/**
 * The sizes the database holds. Checked before anything is saved, so an oversized field is
 * reported to the user instead of failing inside the transaction.
 */
final class LibraryLimits {

    static final int SHORT_TEXT = 200;
    static final int HEADING = 300;
    static final int LONG_TEXT = 20_000;

    private LibraryLimits() {
    }

    static void check(LibraryDocument document) throws ScenarioFormatException {
        for (ScenarioContent s : document.scenarios()) {
            String where = "Scenario \"" + abbreviate(s.title()) + "\"";
            limit(where, "title", s.title(), SHORT_TEXT);
            limit(where, "category", s.category(), SHORT_TEXT);
            limit(where, "level", s.level(), SHORT_TEXT);
            if (s.company() != null) {
                limit(where, "company", s.company(), SHORT_TEXT);
            }
            limit(where, "situation", s.situation(), LONG_TEXT);
            for (String challenge : s.keyChallenges()) {
                limit(where, "key challenge", challenge, LONG_TEXT);
            }
            for (DiscussionArea area : s.discussionAreas()) {
                limit(where, "discussion area title", area.title(), HEADING);
                for (String question : area.questions()) {
                    limit(where, "question", question, LONG_TEXT);
                }
            }
        }
        for (GuidanceList list : document.guidance()) {
            String where = "Guidance list \"" + abbreviate(list.title()) + "\"";
            limit(where, "section", list.section(), HEADING);
            limit(where, "title", list.title(), HEADING);
            for (GuidanceItem item : list.items()) {
                limit(where, "label", item.label(), HEADING);
                limit(where, "entry", item.text(), LONG_TEXT);
            }
        }
    }

    private static void limit(String where, String what, String value, int max) throws ScenarioFormatException {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new ScenarioFormatException(0, where + ": the " + what + " has " + length
                    + " characters; at most " + max + " are allowed.");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
