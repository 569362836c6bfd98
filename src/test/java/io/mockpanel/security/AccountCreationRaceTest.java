package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mockpanel.security.AccountException.Field;
import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two admins create the same username at once: the second passes the "already taken" check
 * before the first commits, and its insert collides on the unique index. It must get the same
 * refusal on the username field as the check gives, not a word about an e-mail address.
 */
@IntegrationTest
class AccountCreationRaceTest {

    @Autowired
    AccountService accountService;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_second_of_two_simultaneous_creations_is_told_the_username_is_taken() throws Exception {
        String username = Unique.username("race");
        CountDownLatch firstInserted = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            repository.insert(new UserAccount(username, "First", AccountRole.COACH, "{noop}x", Instant.now()));
            firstInserted.countDown();
            // commit only once the second creation waits on the unique index: it has passed its check
            return waitForAnInsertBlockedOnALock();
        }));
        assertThat(firstInserted.await(20, TimeUnit.SECONDS)).isTrue();

        TestUsers.signIn("race-admin", AppRoles.ADMIN);
        AccountException refused = catchThrowableOfType(AccountException.class, () -> accountService.createAccount(
                new NewAccount(username, "Second", AccountRole.INTERVIEWER, "a-long-enough-password")));

        assertThat(first.get(20, TimeUnit.SECONDS)).as("the second insert waited on the first").isTrue();
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo(Field.USERNAME);
        assertThat(refused.getMessage()).isEqualTo("The username '" + username + "' is already taken.");
        assertThat(repository.findByUsername(username).orElseThrow().displayName()).isEqualTo("First");
    }

    private boolean waitForAnInsertBlockedOnALock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            // inside a transaction pg_stat_activity is a snapshot taken once: take a fresh one each time
            jdbc.sql("select pg_stat_clear_snapshot()").query(Object.class).list();
            boolean blocked = jdbc.sql("""
                    select exists (select 1 from pg_stat_activity
                                   where wait_event_type = 'Lock' and query like 'insert into user_account%')""")
                    .query(Boolean.class).single();
            if (blocked) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
