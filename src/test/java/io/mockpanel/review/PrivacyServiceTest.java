package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** An admin anonymises or deletes all data of a candidate: what goes, what stays, who may, what is audited. */
@IntegrationTest
class PrivacyServiceTest {

    private static final String ADMIN = "privacy-admin";

    @Autowired
    PrivacyService privacy;

    @Autowired
    PrivacyFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void anonymising_leaves_no_trace_of_the_name_the_address_or_any_text_anywhere_in_the_database() {
        var person = PrivacyFixture.Person.random();
        PrivacyFixture.Held first = fixture.ended(person);
        PrivacyFixture.Held second = fixture.ended(person);
        assertThat(second.candidateId()).isEqualTo(first.candidateId());
        List<String> needles = needles(person, first, second);
        assertThat(fixture.tracesOf(needles)).as("before").hasSize(needles.size());

        var outcome = TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(first.candidateId()));

        assertThat(outcome.sessions()).isEqualTo(2);
        assertThat(outcome.notes()).isEqualTo(4);
        assertThat(outcome.coachingNotes()).isEqualTo(2);
        assertThat(outcome.reports()).isEqualTo(2);
        assertThat(fixture.tracesOf(needles)).as("after").isEmpty();
        String label = "Anonymised candidate " + first.candidateId();
        assertThat(fixture.candidateName(first.candidateId())).isEqualTo(label);
        assertThat(jdbc.sql("select title from panel_session where id = ?").param(first.sessionId())
                .query(String.class).single()).isEqualTo("Mock panel for " + label);
        assertThat(jdbc.sql("select count(*) from panel_session where candidate_id = ? and anonymised_at is not null "
                + "and candidate_name = ?").params(first.candidateId(), label).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select anonymised_at is not null from candidate where id = ?").param(first.candidateId())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anonymising_keeps_every_score_recommendation_verdict_and_rating() {
        var person = PrivacyFixture.Person.random();
        PrivacyFixture.Held held = fixture.ended(person);
        String scores = scoresOf(held.sessionId());

        TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(held.candidateId()));

        assertThat(scoresOf(held.sessionId())).isEqualTo(scores).isEqualTo("3,2|3,2|3|3|2|4|2 notes|1 tags");
    }

    @Test
    void anonymising_one_candidate_leaves_another_untouched() {
        var person = PrivacyFixture.Person.random();
        var other = PrivacyFixture.Person.random();
        PrivacyFixture.Held mine = fixture.ended(person);
        PrivacyFixture.Held theirs = fixture.ended(other);

        TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(mine.candidateId()));

        List<String> needles = needles(other, theirs);
        assertThat(fixture.tracesOf(needles)).hasSize(needles.size());
        assertThat(fixture.candidateName(theirs.candidateId())).isEqualTo(other.name());
    }

    @Test
    void anonymising_again_changes_nothing_and_is_audited_once() {
        var person = PrivacyFixture.Person.random();
        PrivacyFixture.Held held = fixture.ended(person);
        TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(held.candidateId()));
        String after = snapshot(held.sessionId());

        var again = TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(held.candidateId()));

        assertThat(again.sessions()).isZero();
        assertThat(snapshot(held.sessionId())).isEqualTo(after);
        assertThat(auditRows("candidate " + held.candidateId())).hasSize(1);
    }

    @Test
    void the_audit_record_says_who_and_how_much_and_holds_no_personal_data() {
        var person = PrivacyFixture.Person.random();
        PrivacyFixture.Held held = fixture.ended(person);

        TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(held.candidateId()));

        List<String> rows = auditRows("candidate " + held.candidateId());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).startsWith(ADMIN + "|ANONYMISED_CANDIDATE|1 session (" + held.sessionId() + "); 1 e-mail address removed; "
                    + "erased 2 notes, 1 coaching note, 1 report, 8 comments and justifications, 3 event payloads");
            for (String needle : needles(person, held)) {
                assertThat(row).doesNotContainIgnoringCase(needle);
            }
        });
    }

    @Test
    void deleting_removes_the_candidate_every_session_and_everything_in_them() {
        var person = PrivacyFixture.Person.random();
        PrivacyFixture.Held first = fixture.ended(person);
        long scheduled = fixture.session(person, "SCHEDULED");
        var other = PrivacyFixture.Person.random();
        PrivacyFixture.Held theirs = fixture.ended(other);

        var outcome = TestUsers.as(ADMIN, "ADMIN", () -> privacy.delete(first.candidateId(), " " + person.name().toUpperCase() + " "));

        assertThat(outcome.sessions()).isEqualTo(2);
        assertThat(fixture.rowsOfSession(first.sessionId())).isEmpty();
        assertThat(fixture.rowsOfSession(scheduled)).isEmpty();
        assertThat(jdbc.sql("select count(*) from panel_session where id in (?, ?)").params(first.sessionId(), scheduled)
                .query(Long.class).single()).isZero();
        assertThat(fixture.candidateName(first.candidateId())).isNull();
        assertThat(fixture.tracesOf(needles(person, first))).isEmpty();
        assertThat(fixture.rowsOfSession(theirs.sessionId())).isNotEmpty();
        assertThat(fixture.candidateName(theirs.candidateId())).isEqualTo(other.name());
        assertThat(auditRows("candidate " + first.candidateId())).singleElement().asString()
                .startsWith(ADMIN + "|DELETED_CANDIDATE|2 sessions (" + first.sessionId() + ", " + scheduled + ") deleted")
                .doesNotContainIgnoringCase(person.name()).doesNotContainIgnoringCase(person.email());
    }

    @Test
    void deleting_needs_the_candidates_name_typed() {
        var person = PrivacyFixture.Person.random();
        long id = fixture.session(person, "COMPLETED");
        long candidate = fixture.candidateOf(id);

        assertThatThrownBy(() -> TestUsers.as(ADMIN, "ADMIN", () -> privacy.delete(candidate, "Zephyrine")))
                .isInstanceOf(ReviewException.class).hasMessageContaining("does not match");

        assertThat(fixture.candidateName(candidate)).isEqualTo(person.name());
        assertThat(auditRows("candidate " + candidate)).isEmpty();
    }

    @Test
    void a_live_session_is_refused_with_a_message_and_nothing_changes() {
        var person = PrivacyFixture.Person.random();
        long ended = fixture.session(person, "COMPLETED");
        fixture.session(person, "LIVE");
        long candidate = fixture.candidateOf(ended);

        assertThatThrownBy(() -> TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(candidate)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("is live: end it first");
        assertThatThrownBy(() -> TestUsers.as(ADMIN, "ADMIN", () -> privacy.delete(candidate, person.name())))
                .isInstanceOf(ReviewException.class).hasMessageContaining("is live: end it first");

        assertThat(fixture.candidateName(candidate)).isEqualTo(person.name());
        assertThat(fixture.tracesOf(person.email())).isNotEmpty();
        assertThat(auditRows("candidate " + candidate)).isEmpty();
    }

    @Test
    void a_scheduled_session_is_cancelled_or_deleted_not_anonymised() {
        var person = PrivacyFixture.Person.random();
        long scheduled = fixture.session(person, "SCHEDULED");

        assertThatThrownBy(() -> TestUsers.as(ADMIN, "ADMIN", () -> privacy.anonymise(fixture.candidateOf(scheduled))))
                .isInstanceOf(ReviewException.class).hasMessageContaining("is scheduled: cancel it first");
    }

    @Test
    void only_admins_find_anonymise_delete_or_read_the_footprint() {
        var person = PrivacyFixture.Person.random();
        long id = fixture.session(person, "COMPLETED");
        long candidate = fixture.candidateOf(id);

        for (String role : List.of("COACH", "INTERVIEWER", "CANDIDATE")) {
            assertThatThrownBy(() -> TestUsers.as("someone", role, () -> privacy.anonymise(candidate)))
                    .as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> TestUsers.as("someone", role, () -> privacy.delete(candidate, person.name())))
                    .as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> TestUsers.as("someone", role, () -> privacy.footprint(candidate)))
                    .as(role).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> TestUsers.as("someone", role, () -> privacy.findCandidates("", 0, 10)))
                    .as(role).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(fixture.candidateName(candidate)).isEqualTo(person.name());
    }

    @Test
    void an_admin_finds_a_candidate_by_part_of_the_name_or_the_exact_address_and_sees_the_counts() {
        var person = PrivacyFixture.Person.random();
        PrivacyFixture.Held held = fixture.ended(person);

        TestUsers.as(ADMIN, "ADMIN", () -> {
            String surname = person.name().substring("Zephyrine ".length());
            assertThat(privacy.findCandidates(surname.toLowerCase(), 0, 10)).extracting(PrivacyService.CandidateMatch::id)
                    .containsExactly(held.candidateId());
            assertThat(privacy.findCandidates(person.email().toUpperCase(), 0, 10))
                    .singleElement().satisfies(match -> {
                        assertThat(match.email()).isEqualTo(person.email());
                        assertThat(match.sessions()).isEqualTo(1);
                    });
            assertThat(privacy.findCandidates(person.email().substring(1), 0, 10)).isEmpty();
            var footprint = privacy.footprint(held.candidateId());
            assertThat(footprint.sessions()).isEqualTo(1);
            assertThat(footprint.notes()).isEqualTo(2);
            assertThat(footprint.coachingNotes()).isEqualTo(1);
            assertThat(footprint.reports()).isEqualTo(1);
            assertThat(footprint.candidateTexts()).isEqualTo(2);
            assertThat(footprint.emails()).containsExactly(person.email());
        });
    }

    /** The name, the address, the joined name and every text of the sessions. */
    static List<String> needles(PrivacyFixture.Person person, PrivacyFixture.Held... sessions) {
        List<String> needles = new ArrayList<>(List.of(person.name(), person.email()));
        for (PrivacyFixture.Held held : sessions) {
            needles.add(held.joinedName());
            needles.addAll(held.texts());
        }
        return needles;
    }

    private String scoresOf(long sessionId) {
        return String.join("|",
                jdbc.sql("select string_agg(a.score::text, ',' order by s.author = (select lead_username from panel_session "
                        + "where id = ?) desc) from area_score a join score_sheet s on s.id = a.sheet_id where s.session_id = ?")
                        .params(sessionId, sessionId).query(String.class).single(),
                jdbc.sql("select string_agg(recommendation::text, ',' order by recommendation desc) from score_sheet "
                        + "where session_id = ?").param(sessionId).query(String.class).single(),
                jdbc.sql("select score::text from consensus_score where session_id = ?").param(sessionId)
                        .query(String.class).single(),
                jdbc.sql("select recommendation::text from session_verdict where session_id = ?").param(sessionId)
                        .query(String.class).single(),
                jdbc.sql("select score::text from self_assessment where session_id = ?").param(sessionId)
                        .query(String.class).single(),
                jdbc.sql("select rating::text from session_feedback where session_id = ?").param(sessionId)
                        .query(String.class).single(),
                jdbc.sql("select count(*) || ' notes' from session_note where session_id = ?").param(sessionId)
                        .query(String.class).single(),
                jdbc.sql("select count(*) || ' tags' from session_event where session_id = ? and type = 'TAG_ADDED'")
                        .param(sessionId).query(String.class).single());
    }

    private String snapshot(long sessionId) {
        return jdbc.sql("""
                select s.title || s.candidate_name || coalesce(s.candidate_email, '') || s.anonymised_at::text
                       || (select string_agg(payload::text, ';' order by seq) from session_event where session_id = s.id)
                       || (select c.display_name || c.anonymised_at::text from candidate c where c.id = s.candidate_id)
                  from panel_session s where s.id = ?""").param(sessionId).query(String.class).single();
    }

    private List<String> auditRows(String subject) {
        return jdbc.sql("select actor || '|' || action || '|' || detail from audit_log where subject = ? order by id")
                .param(subject).query(String.class).list();
    }
}
