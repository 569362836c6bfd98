package io.mockpanel.review.ui;

import io.mockpanel.panel.ui.RoomEpilogue;
import io.mockpanel.review.SelfAssessmentService;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** Puts "How did it go?" into the candidate's room once their session is completed. */
@org.springframework.stereotype.Component
class SelfAssessmentRoomPart implements RoomEpilogue {

    private final SelfAssessmentService assessments;

    SelfAssessmentRoomPart(SelfAssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create() {
        try {
            return assessments.mine().map(mine -> new SelfAssessmentForm(assessments, mine));
        } catch (AccessDeniedException | AuthenticationException e) {
            // nobody signed in as the candidate any more: the room shows its closing text only
            return Optional.empty();
        }
    }
}
