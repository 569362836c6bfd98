package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Parallel sign-in attempts against the real database throttle: counts how many of them reach the
 * password check, through a counting wrapper around the password provider.
 */
@IntegrationTest
class LoginThrottleRaceTest {

    private static final String PASSWORD = "right-password-1";
    private static final String WRONG = "wrong-password-1";

    @Autowired
    LoginThrottle throttle;

    @Autowired
    LoginThrottleProperties properties;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AccountService accountService;

    private final AtomicInteger passwordChecks = new AtomicInteger();
    private AuthenticationProvider provider;

    @BeforeEach
    void countingProvider() {
        var passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts));
        passwords.setPasswordEncoder(passwordEncoder);
        AuthenticationProvider counting = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                passwordChecks.incrementAndGet();
                return passwords.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return passwords.supports(authentication);
            }
        };
        provider = new ThrottlingAuthenticationProvider(counting, throttle,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    @Test
    void forty_parallel_wrong_passwords_from_one_address_reach_the_password_check_exactly_the_limit() throws Exception {
        String username = account();
        String address = Unique.address();

        List<Outcome> outcomes = inParallel(40, i -> attempt(username, WRONG, address));

        System.out.println("THROTTLE 40 parallel wrong passwords, one address: " + passwordChecks.get()
                + " password checks (limit " + properties.maxFailures() + ")");
        assertThat(passwordChecks.get()).isEqualTo(properties.maxFailures());
        assertThat(outcomes).filteredOn(o -> o == Outcome.THROTTLED).hasSize(40 - properties.maxFailures());
    }

    /**
     * The rule of decision 0003 against a distributed attack: after the account is under attack,
     * each further address gets exactly one guess however often it tries in parallel, an address
     * that already failed gets none, and the owner from a clean address still signs in.
     */
    @Test
    void a_distributed_attack_gets_one_guess_per_fresh_address_and_the_owner_still_signs_in() throws Exception {
        String username = account();
        String first = Unique.address();
        inParallel(40, i -> attempt(username, WRONG, first));
        assertThat(passwordChecks.getAndSet(0)).isEqualTo(properties.maxFailures());

        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            addresses.add(Unique.address());
        }
        // every address three times at once
        inParallel(300, i -> attempt(username, WRONG, addresses.get(i % 100)));
        System.out.println("THROTTLE 300 parallel wrong passwords from 100 addresses on an account under attack: "
                + passwordChecks.get() + " password checks");
        assertThat(passwordChecks.getAndSet(0)).isEqualTo(100);

        assertThat(attempt(username, PASSWORD, first)).isEqualTo(Outcome.THROTTLED);
        assertThat(attempt(username, PASSWORD, addresses.get(7))).isEqualTo(Outcome.THROTTLED);
        assertThat(passwordChecks.get()).isZero();

        assertThat(attempt(username, PASSWORD, Unique.address())).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void parallel_spraying_from_one_address_is_bounded_across_accounts() throws Exception {
        String address = Unique.address();
        int perAddress = properties.maxFailuresPerAddress();

        inParallel(perAddress * 2, i -> attempt(Unique.username("sprayed"), WRONG, address));

        System.out.println("THROTTLE " + perAddress * 2 + " parallel guesses on different accounts from one address: "
                + passwordChecks.get() + " password checks (limit " + perAddress + ")");
        assertThat(passwordChecks.get()).isEqualTo(perAddress);
    }

    // --- helpers ---

    private enum Outcome { SIGNED_IN, REFUSED, THROTTLED }

    private interface Attempt {
        Outcome run(int index);
    }

    private static List<Outcome> inParallel(int count, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 50));
        try {
            var start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Outcome> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome attempt(String username, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        try {
            provider.authenticate(token);
            return Outcome.SIGNED_IN;
        } catch (LoginThrottledException e) {
            return Outcome.THROTTLED;
        } catch (AuthenticationException e) {
            return Outcome.REFUSED;
        }
    }

    private String account() {
        String username = Unique.username("raced");
        TestUsers.signIn(Unique.username("setup"), AppRoles.ADMIN);
        try {
            accountService.createAccount(new NewAccount(username, "Person " + username, AccountRole.INTERVIEWER, PASSWORD));
        } finally {
            TestUsers.signOut();
        }
        return username;
    }
}
