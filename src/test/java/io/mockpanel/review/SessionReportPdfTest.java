package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** Reads the report back with a second, independent PDF library (PDFBox) and checks what it says. */
class SessionReportPdfTest {

    private final SessionReportPdf pdf = new SessionReportPdf();

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            // in content order: a table cell's text stays together (sorting by position would
            // interleave the lines of neighbouring cells)
            return new PDFTextStripper().getText(document);
        }
    }

    /** Text of each page, in order. */
    private static List<String> pages(byte[] bytes) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }

    /** Line breaks inside table cells come back as spaces or line breaks: compare words. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void shows_the_candidate_the_scores_the_justification_and_a_cited_note() throws IOException {
        SessionReview review = SessionReviewFixture.review();
        String text = flat(text(pdf.render(review)));
        assertThat(text).contains("Zoë Ångström")
                .contains("Incident commander — Level 3")
                .contains("Lena Fischer").contains("Omar Haddad").contains("Priya O'Connor")
                .contains(flat(SessionReviewFixture.JUSTIFICATION))
                .contains(SessionReviewFixture.CITED_NOTE)
                .contains("Area 1 · Problem framing · spread 2 · consensus 1 · Strong no")
                .contains("Panel consensus").contains("Self-assessment").contains("I think I rushed this one")
                .contains("17 pushed, 3 skipped")
                .contains("3 · Yes — Strong incident handling; develop metrics.")
                .contains("✓ covered").contains("✗ not covered")
                .contains("Too vague × 3")
                .contains("Mon 30 Nov 2026, 09:00–10:35 UTC");
        // each panelist's score for the first area, as the scale labels it
        assertThat(text).contains("Lena Fischer 1 · Strong no").contains("Omar Haddad 2 · No");
    }

    /** The words the layout itself prints: labels, headings, the scale, kinds, states, dates. */
    private static final String LAYOUT = """
            Session report Candidate Date State Panel Prompts pushed skipped Verdict Candidate's rating
            Summary Time per scenario and discussion area Scenario Recommendations Panelist Recommendation
            Why Area spread consensus Scorer Score Justification and cited notes Note at Panel Self-assessment
            Coverage of the discussion questions Question Text Covered covered not Quick tags Timeline Offset
            Who Kind What mockpanel session report page of UTC lead panelist observer anonymised
            Strong yes No Yes not submitted recorded Nothing was No recommendations you may see
            Scores are not revealed yet: only what you may see is shown
            Started Ended Prompt Note Private note Tag Coverage Clarification Timer Joined Score submitted
            Scores revealed Consensus Verdict Coaching note Completed Live Scheduled Cancelled
            Mon Tue Wed Thu Fri Sat Sun Nov Dec
            """;

    @Test
    void shows_nothing_that_is_not_in_the_review() throws IOException {
        SessionReview review = SessionReviewFixture.review();
        // every word of the report comes from the review value or from the layout: the renderer
        // has nowhere else to get text from (no database, no current user)
        String known = review.toString() + LAYOUT;
        Matcher words = Pattern.compile("[\\p{L}']{3,}").matcher(text(pdf.render(review)));
        List<String> strangers = new ArrayList<>();
        while (words.find()) {
            if (!known.contains(words.group())) {
                strangers.add(words.group());
            }
        }
        assertThat(strangers).isEmpty();

        // and what the value leaves out is not in the report: the same session cut for a reader who
        // may not see one note nor the candidate's feedback
        var cut = new SessionReview(review.reader(), review.summary(), review.timeSpent(), review.recommendations(),
                review.verdict(), review.timeline().stream().filter(m -> !m.text().startsWith("Moment 2:")).toList(),
                review.scenarios(), null);
        String text = flat(text(pdf.render(review)));
        String cutText = flat(text(pdf.render(cut)));
        assertThat(text).contains("Moment 2:").contains("Tough but fair");
        assertThat(cutText).doesNotContain("Moment 2:").doesNotContain("Tough but fair").doesNotContain("rating");
        // the reader's own account name is not printed (the report is about the session, not its reader)
        assertThat(cutText).doesNotContain("coach.kim");
    }

    @Test
    void a_long_timeline_spans_pages_numbered_in_the_footer() throws IOException {
        byte[] bytes = pdf.render(SessionReviewFixture.review(SessionReviewFixture.CANDIDATE, 300));
        List<String> pages = pages(bytes);
        assertThat(pages.size()).isGreaterThanOrEqualTo(6);
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            assertThat(flat(pages.get(i))).as("page %d", i + 1)
                    .contains("mockpanel · session report · page " + (i + 1) + " of " + total);
        }
        // the timeline's header row repeats on every page it runs onto
        long withHeader = pages.stream().filter(p -> flat(p).contains("Offset Who Kind What")).count();
        assertThat(withHeader).isGreaterThanOrEqualTo(3);
        String last = flat(pages.getLast());
        assertThat(last).contains("Ended");
        // all 300 moments are there, once each
        Matcher moments = Pattern.compile("Moment (\\d+):").matcher(flat(String.join(" ", pages)));
        int count = 0;
        while (moments.find()) {
            count++;
        }
        assertThat(count).isEqualTo(SessionReviewFixture.timeline(300).stream()
                .filter(m -> m.text().startsWith("Moment ")).count());
    }

    @Test
    void a_name_with_markup_and_emoji_renders_as_text_and_a_placeholder() throws IOException {
        String name = "<script>alert('x')</script> Zoë 🚀👩‍💻 “Ångström” — ✓";
        byte[] bytes = pdf.render(SessionReviewFixture.review(name, 10));
        String text = flat(text(bytes));
        assertThat(text).contains("<script>alert('x')</script> Zoë □□□ “Ångström” — ✓");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            List<String> fonts = new ArrayList<>();
            for (var page : document.getPages()) {
                for (var fontName : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(fontName);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSans") && f.endsWith("embedded"));
        }
    }

    @Test
    void control_characters_and_missing_glyphs_never_fail() throws IOException {
        String odd = "a\u0000b\u0007c \uD83E\uDD16 \u0301e \u200B 𓀀 \uFFFF";
        byte[] bytes = pdf.render(SessionReviewFixture.review(odd, 3));
        assertThat(flat(text(bytes))).contains("a b c");
    }

    @Test
    void an_empty_review_still_renders() throws IOException {
        SessionReview full = SessionReviewFixture.review();
        var empty = new SessionReview(full.reader(), full.summary(), List.of(), List.of(), null, List.of(), List.of(), null);
        String text = flat(text(pdf.render(empty)));
        assertThat(text).contains("Verdict not recorded").contains("No recommendations you may see.")
                .contains("Nothing was recorded.");
    }

    @Test
    void the_file_name_follows_the_session() {
        assertThat(SessionReportPdf.fileName(SessionReviewFixture.review()))
                .isEqualTo("session-42-incident-commander-level-3.pdf");
    }
}
