package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** An operator sees sign-ins the throttle refused (decision 0042); plain wrong passwords are not throttles. */
@IntegrationTest
class SignInThrottleMeterTest {

    private static final String PASSWORD = "right-password-1";

    @Autowired
    AuthenticationProvider authenticationProvider;

    @Autowired
    AccountService accounts;

    @Autowired
    LoginThrottleProperties properties;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_throttled_sign_in_is_counted_and_the_wrong_passwords_before_it_are_not() {
        String username = Unique.username("metered");
        TestUsers.signIn(Unique.username("setup"), AppRoles.ADMIN);
        try {
            accounts.createAccount(new NewAccount(username, "Person " + username, AccountRole.INTERVIEWER, PASSWORD));
        } finally {
            TestUsers.signOut();
        }
        String address = Unique.address();
        double before = throttled();
        for (int i = 0; i < properties.maxFailures(); i++) {
            assertThatThrownBy(() -> attempt(username, "wrong-password-1", address))
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttled()).isEqualTo(before);

        assertThatThrownBy(() -> attempt(username, PASSWORD, address)).isInstanceOf(LoginThrottledException.class);
        assertThat(throttled()).isEqualTo(before + 1);
    }

    private double throttled() {
        return meters.get("mockpanel.signin.throttled").counter().count();
    }

    private void attempt(String username, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        authenticationProvider.authenticate(token);
    }
}
