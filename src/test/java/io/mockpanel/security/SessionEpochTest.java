package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disabling an account or resetting its password ends the sessions signed in before, over real
 * HTTP with the session cookie a browser would keep (decision 0012).
 */
@IntegrationTest
class SessionEpochTest {

    private static final String PASSWORD = "epoch-test-password";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accountService;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_disabled_accounts_open_session_no_longer_opens_a_page_and_the_re_enabled_account_signs_in_again() {
        String username = account();
        var browser = signedIn(username);
        var bystander = signedIn(account());

        asAdmin(() -> accountService.setEnabled(idOf(username), false));

        assertThat(browser.get("/sessions").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(browser.opens("/sessions")).isFalse();
        assertThat(bystander.opens("/sessions")).isTrue();

        asAdmin(() -> accountService.setEnabled(idOf(username), true));
        assertThat(browser.opens("/sessions")).isFalse();
        browser.signIn(username, PASSWORD);
        assertThat(browser.opens("/sessions")).isTrue();
    }

    @Test
    void a_password_reset_ends_the_sessions_signed_in_with_the_old_password() {
        String username = account();
        var browser = signedIn(username);
        var bystander = signedIn(account());

        asAdmin(() -> accountService.resetPassword(idOf(username), "a-brand-new-password"));

        assertThat(browser.opens("/sessions")).isFalse();
        assertThat(bystander.opens("/sessions")).isTrue();
        browser.signIn(username, "a-brand-new-password");
        assertThat(browser.opens("/sessions")).isTrue();
    }

    @Autowired
    SessionEpochs epochs;

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * During a database outage every request of a signed-in person passes this check: it must not
     * fail them all (an error page on every click) nor sign everyone out; what this node read last
     * still counts.
     */
    @Test
    void while_the_database_is_away_sessions_are_judged_by_what_was_read_last_and_nothing_fails()
            throws InterruptedException {
        String active = account();
        String disabled = account();
        asAdmin(() -> accountService.setEnabled(idOf(disabled), false));
        assertThat(epochs.isCurrent(active, 0)).isTrue();
        assertThat(epochs.isCurrent(disabled, 0)).isFalse();
        Thread.sleep(SessionEpochs.TTL.plusMillis(300).toMillis());

        try (var away = io.mockpanel.support.ExhaustedPool.of(dataSource)) {
            assertThat(epochs.isCurrent(active, 0)).isTrue();
            assertThat(epochs.isCurrent(disabled, 0)).as("still ended").isFalse();
            assertThat(epochs.isCurrent("never-read-" + System.nanoTime(), 0)).isTrue();
        }
    }

    /**
     * Another node disabling the account changes only the database; this node notices once its
     * short cache of the account's state expires.
     */
    @Test
    void a_change_made_on_another_node_ends_the_session_here_within_the_cache_time() throws InterruptedException {
        String username = account();
        var browser = signedIn(username);
        jdbc.sql("update user_account set session_epoch = session_epoch + 1 where username = ?").param(username).update();

        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(15).toNanos();
        while (browser.opens("/sessions") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.println("EPOCH session ended after another node's change in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (cache " + SessionEpochs.TTL + ")");
        assertThat(browser.opens("/sessions")).isFalse();
    }

    private Browserless signedIn(String username) {
        var browser = new Browserless(port);
        browser.signIn(username, PASSWORD);
        assertThat(browser.opens("/sessions")).isTrue();
        return browser;
    }

    private String account() {
        String username = Unique.username("epoch");
        asAdmin(() -> accountService.createAccount(
                new NewAccount(username, "Person " + username, AccountRole.INTERVIEWER, PASSWORD)));
        return username;
    }

    private long idOf(String username) {
        return accountService.listAccounts().stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow().id();
    }

    private static void asAdmin(Runnable action) {
        TestUsers.signIn(Unique.username("admin"), AppRoles.ADMIN);
        try {
            action.run();
        } finally {
            TestUsers.signOut();
        }
    }
}
