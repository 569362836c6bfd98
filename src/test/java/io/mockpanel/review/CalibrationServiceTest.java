package io.mockpanel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mockpanel.review.Calibration.Interviewer;
import io.mockpanel.security.AccountRole;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class CalibrationServiceTest {

    static final LocalDate JAN_1 = LocalDate.of(2001, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2001, 12, 31);

    @Autowired
    CalibrationService calibration;
    @Autowired
    ProgressFixture fixture;

    String lenient;
    String p1;
    String p2;
    String coach;
    long revealed;

    @BeforeEach
    void panels() {
        lenient = fixture.account("len", "Len Lenient", AccountRole.INTERVIEWER);
        p1 = fixture.account("p1", "Pia One", AccountRole.INTERVIEWER);
        p2 = fixture.account("p2", "Pim Two", AccountRole.INTERVIEWER);
        coach = fixture.account("coach", "Cory Coach", AccountRole.COACH);
        // Revealed, in 2001. Area 0: 4, 2, 2 and a consensus of 2. Area 1: 3, 3, 2 without a consensus.
        revealed = fixture.session(lenient, List.of(p1, p2), "Cal Candidate", null);
        fixture.held(revealed, LocalDate.of(2001, 3, 1));
        fixture.sheet(revealed, 0, lenient, 4, 3);
        fixture.sheet(revealed, 0, p1, 2, 3);
        fixture.sheet(revealed, 0, p2, 2, 2);
        fixture.reveal(revealed, 0, lenient);
        fixture.consensus(revealed, 0, 0, 2, lenient);
        // Submitted but not revealed: blind, not counted.
        long blind = fixture.session(lenient, List.of(p1), "Cal Candidate", null);
        fixture.held(blind, LocalDate.of(2001, 6, 1));
        fixture.sheet(blind, 0, lenient, 1);
        fixture.sheet(blind, 0, p1, 4);
        // Revealed, but in 2005: outside the 2001 range.
        long later = fixture.session(lenient, List.of(p1), "Cal Candidate", null);
        fixture.held(later, LocalDate.of(2005, 1, 1));
        fixture.sheet(later, 0, lenient, 1);
        fixture.sheet(later, 0, p1, 4);
        fixture.reveal(later, 0, lenient);
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void a_lenient_interviewer_shows_plus_and_the_two_point_differences_are_counted() {
        Calibration result = TestUsers.as(coach, "COACH", () -> calibration.calibration(JAN_1, DEC_31));

        // Len: area 0 is +2 against the consensus and +2 against the others' mean (2, 2), 2+ off;
        // area 1 has no consensus and is +0.5 against the others' mean (3, 2).
        var len = of(result, lenient).overall();
        assertThat(len.scores()).isEqualTo(2);
        assertThat(len.withConsensus()).isEqualTo(1);
        assertThat(len.vsConsensus()).isCloseTo(2.0, within(1e-9));
        assertThat(len.withOthers()).isEqualTo(2);
        assertThat(len.vsOthers()).isCloseTo(1.25, within(1e-9));
        assertThat(len.farFromPanel()).isEqualTo(1);
        assertThat(len.farShare()).isCloseTo(0.5, within(1e-9));
        assertThat(len.fewData()).isTrue();

        // Pia: area 0 is 0 against the consensus and −1 against (4, 2); area 1 +0.5 against (3, 2).
        var pia = of(result, p1).overall();
        assertThat(pia.vsConsensus()).isCloseTo(0.0, within(1e-9));
        assertThat(pia.vsOthers()).isCloseTo(-0.25, within(1e-9));
        assertThat(pia.farFromPanel()).isZero();
        // Pim: −1 against (4, 2) and −1 against (3, 3): the severe one.
        var pim = of(result, p2).overall();
        assertThat(pim.vsOthers()).isCloseTo(-1.0, within(1e-9));
        assertThat(pim.scores()).isEqualTo(2);

        // per competency: area 0 carries the consensus deviation, area 1 none
        String area0 = Competencies.of(fixture.areaTitle(revealed, 0, 0));
        String area1 = Competencies.of(fixture.areaTitle(revealed, 0, 1));
        assertThat(area0).isNotEqualTo(area1);
        var areas = of(result, lenient).areas();
        var first = areas.stream().filter(a -> a.group().equals(area0)).findFirst().orElseThrow().deviation();
        var second = areas.stream().filter(a -> a.group().equals(area1)).findFirst().orElseThrow().deviation();
        assertThat(first.vsConsensus()).isCloseTo(2.0, within(1e-9));
        assertThat(first.vsOthers()).isCloseTo(2.0, within(1e-9));
        assertThat(first.farFromPanel()).isEqualTo(1);
        assertThat(second.vsConsensus()).isNull();
        assertThat(second.vsOthers()).isCloseTo(0.5, within(1e-9));
        assertThat(result.groups()).contains(area0, area1);
    }

    @Test
    void the_date_range_decides_which_sessions_count() {
        Calibration later = TestUsers.as(coach, "COACH",
                () -> calibration.calibration(LocalDate.of(2005, 1, 1), LocalDate.of(2005, 1, 1)));
        var len = of(later, lenient).overall();
        assertThat(len.scores()).isEqualTo(1);
        assertThat(len.vsOthers()).isCloseTo(-3.0, within(1e-9));
        assertThat(len.vsConsensus()).isNull();
        assertThat(later.interviewers()).extracting(Interviewer::username).doesNotContain(p2);

        Calibration both = TestUsers.as("someone-admin", "ADMIN", () -> calibration.calibration(JAN_1, LocalDate.of(2005, 12, 31)));
        assertThat(of(both, lenient).overall().scores()).isEqualTo(3);
    }

    @Test
    void a_range_that_ends_before_it_starts_is_refused_with_a_message() {
        assertThatThrownBy(() -> TestUsers.as(coach, "COACH", () -> calibration.calibration(DEC_31, JAN_1)))
                .isInstanceOf(ReviewException.class).hasMessageContaining("ends before it starts");
    }

    @Test
    void interviewers_are_refused() {
        assertThatThrownBy(() -> TestUsers.as(lenient, "INTERVIEWER", () -> calibration.calibration(JAN_1, DEC_31)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static Interviewer of(Calibration result, String username) {
        return result.interviewers().stream().filter(i -> i.username().equals(username)).findFirst().orElseThrow();
    }
}
