package io.mockpanel.review;

import static io.mockpanel.support.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.mail.MailState;
import io.mockpanel.mail.MailStateChanged;
import io.mockpanel.panel.SessionEventLog;
import io.mockpanel.panel.SessionEvents;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.review.SessionReview.Moment;
import io.mockpanel.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail's news in the session's log (decision 0041) is for the lead's console only: the review's
 * timeline and a replay of the session (what a room or console rebuilds) read past it unchanged.
 */
@IntegrationTest
class MailNewsInTheReviewTest {

    @Autowired
    PrivacyFixture fixture;

    @Autowired
    SessionReviewService reviews;

    @Autowired
    SessionTimeline timeline;

    @Autowired
    SessionEventLog log;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void signOut() {
        io.mockpanel.support.TestUsers.signOut();
    }

    @Test
    void mail_events_change_neither_the_review_timeline_nor_the_replayed_session() {
        PrivacyFixture.Held held = fixture.ended(PrivacyFixture.Person.random());
        long id = held.sessionId();
        String lead = held.panel().lead();
        List<Moment> before = as(lead, "INTERVIEWER", () -> reviews.review(id)).timeline();
        var replayedBefore = as(lead, "INTERVIEWER", () -> timeline.load(id));

        for (MailState state : List.of(MailState.QUEUED, MailState.FAILED, MailState.SENT)) {
            new TransactionTemplate(transactionManager).executeWithoutResult(
                    tx -> publisher.publishEvent(new MailStateChanged(7, id, state)));
        }

        assertThat(log.after(id, 0)).filteredOn(event -> event.is(SessionEvents.MailChanged.class)).hasSize(3);
        assertThat(as(lead, "INTERVIEWER", () -> reviews.review(id)).timeline()).isEqualTo(before);
        var replayed = as(lead, "INTERVIEWER", () -> timeline.load(id));
        assertThat(replayed.state()).isEqualTo(replayedBefore.state());
        assertThat(replayed.pushed()).isEqualTo(replayedBefore.pushed());
        assertThat(replayed.lastSeq()).isEqualTo(replayedBefore.lastSeq() + 3);
    }
}
