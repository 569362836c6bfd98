package io.mockpanel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** {@link TestUsers#as}: the action runs as the other user, and whoever was signed in before is back. */
class TestUsersTest {

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void runs_the_action_as_the_user_and_puts_the_previous_user_and_context_back() {
        Authentication candidate = TestUsers.signIn("casey", "CANDIDATE");
        SecurityContext before = SecurityContextHolder.getContext();

        String seen = TestUsers.as("lead", "INTERVIEWER", () -> currentUser() + " " + currentRoles());

        assertThat(seen).isEqualTo("lead [ROLE_INTERVIEWER]");
        assertThat(SecurityContextHolder.getContext()).isSameAs(before);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(candidate);
    }

    @Test
    void with_nobody_signed_in_before_nobody_is_signed_in_after() {
        String[] seen = new String[1];

        TestUsers.as("lead", "INTERVIEWER", () -> seen[0] = currentUser());

        assertThat(seen[0]).isEqualTo("lead");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void a_failing_action_still_puts_the_previous_user_back() {
        Authentication admin = TestUsers.signIn("admin", "ADMIN");

        assertThatThrownBy(() -> TestUsers.as("lead", "INTERVIEWER", () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(admin);
    }

    @Test
    void nested_calls_unwind_one_user_at_a_time() {
        Authentication admin = TestUsers.signIn("admin", "ADMIN");
        String[] seen = new String[2];

        TestUsers.as("lead", "INTERVIEWER", () -> {
            TestUsers.as("panelist", "INTERVIEWER", () -> seen[0] = currentUser());
            seen[1] = currentUser();
        });

        assertThat(seen).containsExactly("panelist", "lead");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(admin);
    }

    private static String currentUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static String currentRoles() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().toString();
    }
}
