package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mockpanel.panel.QuickTag;
import io.mockpanel.security.AccountRole;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class CandidateServiceTest {

    @Autowired
    CandidateService candidates;
    @Autowired
    ProgressFixture fixture;
    @Autowired
    JdbcClient jdbc;

    String lead;
    String panelist;
    String coach;

    @BeforeEach
    void people() {
        lead = fixture.account("lead", "Lee Lead", AccountRole.INTERVIEWER);
        panelist = fixture.account("pan", "Pat Panelist", AccountRole.INTERVIEWER);
        coach = fixture.account("coach", "Cory Coach", AccountRole.COACH);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void progress_takes_the_consensus_where_recorded_else_the_mean_and_orders_sessions_by_time() {
        String email = "ann-" + ProgressFixture.suffix() + "@example.com";
        // created out of order: the order on the chart is the order they took place
        long third = fixture.session(lead, List.of(panelist), "Ann Example", email);
        long first = fixture.session(lead, List.of(panelist), "Ann Example", email);
        long second = fixture.session(lead, List.of(panelist), "Ann Example", email);
        long planned = fixture.session(lead, List.of(panelist), "Ann Example", email);
        fixture.held(first, LocalDate.of(2001, 1, 10));
        fixture.held(second, LocalDate.of(2001, 2, 10));
        fixture.held(third, LocalDate.of(2001, 3, 10));

        // first: area 0 scored 2 and 2, the panel agreed on 1 (the consensus wins); area 1 scored 2 and 3 (mean 2.5)
        fixture.sheet(first, 0, lead, 2, 2);
        fixture.sheet(first, 0, panelist, 2, 3);
        fixture.reveal(first, 0, lead);
        fixture.consensus(first, 0, 0, 1, lead);
        // second: submitted but never revealed, so blind still: no value
        fixture.sheet(second, 0, lead, 1);
        fixture.sheet(second, 0, panelist, 1);
        // third: area 0 scored 4 and 4
        fixture.sheet(third, 0, lead, 4);
        fixture.sheet(third, 0, panelist, 4);
        fixture.reveal(third, 0, lead);
        fixture.tag(first, lead, QuickTag.TOO_VAGUE, 3);
        fixture.tag(second, panelist, QuickTag.TOO_VAGUE, 1);
        fixture.tag(second, panelist, QuickTag.QUANTIFIED_RESULT, 2);

        long candidate = fixture.candidateOf(first);
        assertThat(List.of(second, third, planned)).allMatch(s -> fixture.candidateOf(s) == candidate);
        String area0 = Competencies.of(fixture.areaTitle(first, 0, 0));
        String area1 = Competencies.of(fixture.areaTitle(first, 0, 1));
        assertThat(area0).as("the first two areas of the first scenario fall into different groups").isNotEqualTo(area1);

        CandidateProgress progress = fixture.as(coach, () -> candidates.progress(candidate));

        assertThat(progress.sessions()).extracting(CandidateProgress.SessionPoint::sessionId)
                .containsExactly(first, second, third);
        var one = progress.sessions().get(0);
        assertThat(one.overall()).isCloseTo(1.75, within(1e-9));
        assertThat(one.byGroup()).containsEntry(area0, 1.0).containsEntry(area1, 2.5);
        assertThat(one.areaValues()).isEqualTo(2);
        assertThat(one.consensusAreas()).isEqualTo(1);
        assertThat(progress.sessions().get(1).overall()).isNull();
        assertThat(progress.sessions().get(2).overall()).isCloseTo(4.0, within(1e-9));
        assertThat(progress.groups()).containsExactlyInAnyOrder(area0, area1);
        assertThat(progress.groupAreas().get(area0)).containsExactly(fixture.areaTitle(first, 0, 0));

        assertThat(one.tags()).containsEntry(QuickTag.TOO_VAGUE, 3);
        assertThat(progress.sessions().get(1).tags()).containsEntry(QuickTag.TOO_VAGUE, 1)
                .containsEntry(QuickTag.QUANTIFIED_RESULT, 2);
        assertThat(progress.sessions().get(2).tags()).isEmpty();
        assertThat(progress.tagsUsed()).containsExactly(QuickTag.TOO_VAGUE, QuickTag.QUANTIFIED_RESULT);

        // the agenda of the three held sessions: two scenarios, each three times; the planned one does not count
        assertThat(progress.done()).hasSize(2).allMatch(s -> s.times() == 3 && s.libraryId() != null);
        var doneIds = progress.done().stream().map(CandidateProgress.ScenarioDone::libraryId).toList();
        assertThat(progress.notDone()).noneMatch(s -> doneIds.contains(s.libraryId())).isNotEmpty();
    }

    @Test
    void a_candidate_without_a_held_session_has_an_empty_progress() {
        long planned = fixture.session(lead, List.of(), "Nia New", null);
        long candidate = fixture.candidateOf(planned);

        CandidateProgress progress = fixture.as(coach, () -> candidates.progress(candidate));

        assertThat(progress.sessions()).isEmpty();
        assertThat(progress.hasScores()).isFalse();
        assertThat(progress.done()).isEmpty();
        assertThat(progress.notDone()).isNotEmpty();
        assertThat(fixture.as(coach, () -> candidates.sessions(candidate))).extracting(CandidateSession::id)
                .containsExactly(planned);
    }

    @Test
    void merge_moves_sessions_and_addresses_to_the_kept_record_deletes_the_other_and_is_audited() {
        String suffix = ProgressFixture.suffix();
        long kept = fixture.candidateOf(fixture.session(lead, List.of(), "Bea Person", "bea-" + suffix + "@example.com"));
        long otherSession = fixture.session(lead, List.of(), "B. Person", "b.person-" + suffix + "@example.com");
        long other = fixture.candidateOf(otherSession);
        assertThat(other).isNotEqualTo(kept);

        Candidate merged = fixture.as(coach, () -> candidates.merge(kept, other));

        assertThat(merged.id()).isEqualTo(kept);
        assertThat(merged.displayName()).isEqualTo("Bea Person");
        assertThat(merged.sessions()).isEqualTo(2);
        assertThat(merged.addresses()).containsExactly("b.person-" + suffix + "@example.com", "bea-" + suffix + "@example.com");
        assertThat(fixture.candidateOf(otherSession)).isEqualTo(kept);
        assertThat(jdbc.sql("select count(*) from candidate where id = ?").param(other).query(Integer.class).single()).isZero();
        var audit = jdbc.sql("select actor, subject, detail from audit_log where action = 'MERGED_CANDIDATES' and subject = ?")
                .param("candidate " + kept).query().listOfRows();
        assertThat(audit).hasSize(1);
        assertThat(audit.getFirst().get("actor")).isEqualTo(coach);
        assertThat((String) audit.getFirst().get("detail")).contains("candidate " + other).doesNotContain("@");
        // a new session for the merged address now belongs to the kept record
        assertThat(fixture.candidateOf(fixture.session(lead, List.of(), "B. Person", "B.Person-" + suffix + "@example.com")))
                .isEqualTo(kept);
    }

    @Test
    void merging_a_record_with_itself_or_an_anonymised_one_is_refused_with_a_message_and_changes_nothing() {
        long one = fixture.candidateOf(fixture.session(lead, List.of(), "Cy One", null));
        long gone = fixture.candidateOf(fixture.session(lead, List.of(), "Anonymous", null));
        jdbc.sql("update candidate set anonymised_at = now() where id = ?").param(gone).update();

        assertThatThrownBy(() -> fixture.as(coach, () -> candidates.merge(one, one)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("same record");
        assertThatThrownBy(() -> fixture.as(coach, () -> candidates.merge(one, gone)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("anonymised");
        assertThatThrownBy(() -> fixture.as(coach, () -> candidates.merge(gone, one)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("anonymised");
        assertThatThrownBy(() -> fixture.as(coach, () -> candidates.merge(one, Long.MAX_VALUE)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("no longer exists");
        assertThat(jdbc.sql("select count(*) from candidate where id in (?, ?)").params(one, gone).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where subject in (?, ?) and action = 'MERGED_CANDIDATES'")
                .params("candidate " + one, "candidate " + gone).query(Integer.class).single()).isZero();
    }

    @Test
    void interviewers_see_no_candidates_not_even_of_the_sessions_they_led() {
        long session = fixture.session(lead, List.of(panelist), "Dee Private", null);
        long candidate = fixture.candidateOf(session);
        long other = fixture.candidateOf(fixture.session(lead, List.of(), "Eve Other", null));

        for (String interviewer : List.of(lead, panelist)) {
            fixture.as(interviewer, () -> {
                assertThatThrownBy(() -> candidates.candidates("Dee", 0, 10)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> candidates.count(null)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> candidates.progress(candidate)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> candidates.sessions(candidate)).isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> candidates.merge(candidate, other)).isInstanceOf(AccessDeniedException.class);
            });
        }
        assertThat(fixture.candidateOf(session)).isEqualTo(candidate);
    }

    @Test
    void coaches_and_admins_find_candidates_by_name_or_address_a_page_at_a_time() {
        String suffix = ProgressFixture.suffix();
        fixture.session(lead, List.of(), "Zed " + suffix + " Alpha", null);
        fixture.session(lead, List.of(), "Zed " + suffix + " Beta", "zb-" + suffix + "@example.com");
        fixture.session(lead, List.of(), "Zed " + suffix + " Gamma", null);
        String admin = fixture.account("admin", "Ada Admin", AccountRole.ADMIN);

        for (String reader : List.of(coach, admin)) {
            fixture.as(reader, () -> {
                assertThat(candidates.count(suffix)).isEqualTo(3);
                assertThat(candidates.candidates(suffix, 0, 2)).extracting(Candidate::displayName)
                        .containsExactly("Zed " + suffix + " Alpha", "Zed " + suffix + " Beta");
                assertThat(candidates.candidates(suffix, 2, 2)).extracting(Candidate::displayName)
                        .containsExactly("Zed " + suffix + " Gamma");
                assertThat(candidates.candidates("ZB-" + suffix + "@", 0, 10)).extracting(Candidate::displayName)
                        .containsExactly("Zed " + suffix + " Beta");
                assertThat(candidates.candidates("%" + suffix, 0, 10)).isEmpty();
                assertThat(candidates.candidates("Zed\0", 0, 10)).isEmpty();
                assertThat(candidates.count("Zed\0")).isZero();
            });
        }
    }
}
