package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;

/** The account table in plain SQL (decision 0046), with the optimistic lock JPA's @Version gave. */
@IntegrationTest
@Transactional
class UserAccountRepositoryTest {

    @Autowired
    UserAccountRepository accounts;

    private UserAccount saved(String prefix) {
        var account = new UserAccount(Unique.username(prefix), "Some One", AccountRole.COACH, "{noop}hash",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        accounts.insert(account);
        return account;
    }

    @Test
    void an_account_reads_back_as_written() {
        UserAccount account = saved("roundtrip");
        account.setEmail("Some.One@Example.org", Instant.now());
        accounts.update(account);

        UserAccount read = accounts.findById(account.id()).orElseThrow();

        assertThat(read.toAccount()).isEqualTo(account.toAccount());
        assertThat(read.passwordHash()).isEqualTo("{noop}hash");
        assertThat(read.sessionEpoch()).isEqualTo(account.sessionEpoch());
        assertThat(read.version()).isEqualTo(1);
        assertThat(accounts.findByUsername(account.username()).orElseThrow().id()).isEqualTo(account.id());
    }

    @Test
    void a_change_on_a_stale_copy_is_refused_and_the_newer_change_stays() {
        UserAccount account = saved("stale");
        UserAccount first = accounts.findById(account.id()).orElseThrow();
        UserAccount second = accounts.findById(account.id()).orElseThrow();
        first.setEnabled(false, Instant.now());
        accounts.update(first);

        second.setPasswordHash("{noop}other", Instant.now());

        assertThatThrownBy(() -> accounts.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
        UserAccount stored = accounts.findById(account.id()).orElseThrow();
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.passwordHash()).isEqualTo("{noop}hash");
    }

    @Test
    void an_address_is_taken_in_any_case_except_by_the_account_itself() {
        UserAccount account = saved("taken");
        account.setEmail("Taken." + account.username() + "@Example.org", Instant.now());
        accounts.update(account);
        String other = account.email().toLowerCase();

        assertThat(accounts.emailTaken(other, null)).isTrue();
        assertThat(accounts.emailTaken(other.toUpperCase(), saved("other").id())).isTrue();
        assertThat(accounts.emailTaken(other, account.id())).isFalse();
        assertThat(accounts.emailTaken("nobody-" + other, null)).isFalse();
    }
}
