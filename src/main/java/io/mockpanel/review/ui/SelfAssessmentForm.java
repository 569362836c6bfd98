package io.mockpanel.review.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import io.mockpanel.review.ReviewException;
import io.mockpanel.review.SelfAssessmentService;
import io.mockpanel.review.SelfAssessmentService.AreaAnswer;
import io.mockpanel.scoring.ScoreScale;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * "How did it go?": the candidate rates themselves per discussion area on the panel's own 1-4
 * scale (same words), with an optional comment each, and rates the session from 1 to 5. Sent all
 * at once; their answers show again on return and may change until the coach's report is out.
 */
class SelfAssessmentForm extends Composite<Section> {

    static final List<String> SESSION_LABELS = List.of("Poor", "Fair", "Good", "Very good", "Excellent");

    private final SelfAssessmentService assessments;
    private final List<AreaAnswer> areas;
    final List<RadioButtonGroup<Integer>> scores = new ArrayList<>();
    final List<TextArea> comments = new ArrayList<>();
    final RadioButtonGroup<Integer> rating = new RadioButtonGroup<>("How was the session for you?");
    final TextArea ratingComment = new TextArea("Anything the panel should know? (optional)");
    final Button send = new Button();
    final Paragraph status = new Paragraph();
    final Paragraph error = new Paragraph();

    SelfAssessmentForm(SelfAssessmentService assessments, SelfAssessmentService.SelfAssessment mine) {
        this.assessments = assessments;
        this.areas = mine.areas();
        Section root = getContent();
        root.setId("self-assessment");
        root.addClassName("self-assessment");
        var intro = new Paragraph("Rate yourself per discussion area on the same scale the panel used. "
                + "Your coach sees your answers next to the panel's.");
        var scale = new UnorderedList();
        Arrays.stream(ScoreScale.values()).forEach(point -> {
            var label = new Span(point.display());
            label.addClassName("guidance-label");
            scale.add(new ListItem(label, new Span(": " + point.anchor())));
        });
        var scaleHelp = new Details("What the scale means", scale);
        scaleHelp.addClassName("self-scale");
        root.add(new H2("How did it go?"), intro, scaleHelp);

        String scenario = null;
        for (AreaAnswer area : areas) {
            if (!area.scenarioTitle().equals(scenario)) {
                scenario = area.scenarioTitle();
                root.add(new H3(scenario));
            }
            var group = new RadioButtonGroup<Integer>(area.areaTitle());
            group.setItems(ScoreScale.MIN, 2, 3, ScoreScale.MAX);
            group.setItemLabelGenerator(ReportTexts::score);
            group.setValue(area.score());
            group.addClassName("self-score");
            scores.add(group);
            var comment = new TextArea("Your comment (optional)");
            comment.setValue(area.comment());
            comment.setWidthFull();
            comment.setHelperText("Up to " + SelfAssessmentService.MAX_COMMENT + " characters");
            comments.add(comment);
            var box = new Div(group, comment);
            box.addClassName("self-area");
            root.add(box);
        }
        rating.setItems(1, 2, 3, 4, 5);
        rating.setItemLabelGenerator(i -> i + " · " + SESSION_LABELS.get(i - 1));
        rating.setValue(mine.rating());
        rating.setId("session-rating");
        ratingComment.setValue(mine.ratingComment());
        ratingComment.setWidthFull();
        ratingComment.setHelperText("Up to " + SelfAssessmentService.MAX_COMMENT + " characters");
        var sessionBox = new Div(new H3("The session"), rating, ratingComment);
        sessionBox.addClassName("self-area");
        error.setId("self-assessment-error");
        error.addClassName("self-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        status.setId("self-assessment-status");
        status.addClassName("self-status");
        send.setId("send-self-assessment");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        root.add(sessionBox, error, send, status);
        show(mine);
    }

    /** Marks each question without an answer, so that a long form shows where one is missing. */
    private void markMissing() {
        for (RadioButtonGroup<Integer> group : scores) {
            group.setErrorMessage("Choose a score for this area");
            group.setInvalid(group.getValue() == null);
        }
        rating.setErrorMessage("Choose a rating for the session");
        rating.setInvalid(rating.getValue() == null);
    }

    private void show(SelfAssessmentService.SelfAssessment mine) {
        ZoneId zone = getUI().map(ReportTexts::zoneOf).orElse(ZoneId.systemDefault());
        if (mine.locked()) {
            status.setText("Your coach has sent you their report, so your answers are kept as they are.");
            scores.forEach(g -> g.setReadOnly(true));
            comments.forEach(c -> c.setReadOnly(true));
            rating.setReadOnly(true);
            ratingComment.setReadOnly(true);
            send.setVisible(false);
        } else if (mine.submittedAt() != null) {
            status.setText("Thank you! Sent " + ReportTexts.dayAndClock(mine.submittedAt(), zone)
                    + ". You can change your answers until your coach sends you their report.");
            send.setText("Update my answers");
        } else {
            status.setText("");
            send.setText("Send my answers");
        }
    }

    void send() {
        markMissing();
        List<AreaAnswer> answers = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            AreaAnswer area = areas.get(i);
            answers.add(new AreaAnswer(area.scenario(), area.area(), area.scenarioTitle(), area.areaTitle(),
                    scores.get(i).getValue(), comments.get(i).getValue()));
        }
        try {
            var saved = assessments.submit(new SelfAssessmentService.Answers(answers, rating.getValue(),
                    ratingComment.getValue()));
            error.setVisible(false);
            show(saved);
        } catch (ReviewException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            // The message sits by the button; the first field it is about may be far above on a phone.
            scores.stream().filter(RadioButtonGroup::isInvalid).findFirst().ifPresent(RadioButtonGroup::scrollIntoView);
        } catch (AccessDeniedException e) {
            error.setText("This link no longer opens your session, so your answers cannot be saved.");
            error.setVisible(true);
        }
    }
}
