package io.mockpanel.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

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
    void an_action_that_signs_out_or_replaces_the_context_still_leaves_the_previous_user_signed_in() {
        Authentication admin = TestUsers.signIn("admin", "ADMIN");
        SecurityContext before = SecurityContextHolder.getContext();

        TestUsers.as("lead", "INTERVIEWER", TestUsers::signOut);
        assertThat(SecurityContextHolder.getContext()).isSameAs(before);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(admin);

        TestUsers.as("lead", "INTERVIEWER", () -> SecurityContextHolder.setContext(
                SecurityContextHolder.createEmptyContext()));
        assertThat(SecurityContextHolder.getContext()).isSameAs(before);
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

    @Test
    void where_a_vaadin_session_stores_the_context_its_user_is_back_in_it_afterwards() {
        // The app's strategy (Vaadin's) reads the context a current Vaadin session stores first.
        SecurityContextHolderStrategy original = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(new VaadinAwareSecurityContextHolderStrategy());
        MockVaadin.setup();
        try {
            Authentication candidate = UsernamePasswordAuthenticationToken.authenticated("casey", null, List.of());
            SecurityContext stored = SecurityContextHolder.createEmptyContext();
            stored.setAuthentication(candidate);
            VaadinSession.getCurrent().getSession()
                    .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, stored);

            String seen = TestUsers.as("lead", "INTERVIEWER", () -> currentUser());

            assertThat(seen).isEqualTo("lead");
            assertThat(stored.getAuthentication()).isSameAs(candidate);
            assertThat(currentUser()).isEqualTo("casey");
        } finally {
            MockVaadin.tearDown();
            SecurityContextHolder.setContextHolderStrategy(original);
        }
    }

    private static String currentUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static String currentRoles() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().toString();
    }
}
