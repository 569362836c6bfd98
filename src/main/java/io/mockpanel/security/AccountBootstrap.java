package io.mockpanel.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the first accounts at start-up: the admin named by MOCKPANEL_ADMIN_USERNAME and
 * MOCKPANEL_ADMIN_PASSWORD, and, only on the embedded development database, the demo accounts
 * listed in the README. Existing accounts are never changed.
 *
 * <p>Several nodes may start together on an empty database (a deployment with two replicas):
 * the whole bootstrap holds a PostgreSQL advisory lock until its transaction ends, so the second
 * node waits, then finds the accounts the first one made instead of failing its start on the
 * unique user name.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD = "mockpanel-demo";
    static final List<NewAccount> DEMO_ACCOUNTS = List.of(
            new NewAccount("admin", "Alex Admin", AccountRole.ADMIN, DEMO_PASSWORD),
            new NewAccount("interviewer", "Dana Lead", AccountRole.INTERVIEWER, DEMO_PASSWORD),
            new NewAccount("interviewer2", "Sam Panelist", AccountRole.INTERVIEWER, DEMO_PASSWORD),
            new NewAccount("coach", "Casey Coach", AccountRole.COACH, DEMO_PASSWORD));

    /** The advisory lock's key: any fixed number no other part of the application locks. */
    static final long BOOTSTRAP_LOCK = 0x6d6f636b_61636374L;

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountService accountService;
    private final UserAccountRepository accounts;
    private final AccountsProperties properties;
    private final DemoMode demoMode;
    private final JdbcClient jdbc;

    AccountBootstrap(AccountService accountService, UserAccountRepository accounts, AccountsProperties properties,
            DemoMode demoMode, JdbcClient jdbc) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.properties = properties;
        this.demoMode = demoMode;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query(Object.class).single();
        createInitialAdmin();
        if (demoMode.active()) {
            createDemoAccounts();
        }
    }

    private void createInitialAdmin() {
        String username = properties.admin().username();
        String password = properties.admin().password();
        if (!StringUtils.hasText(username)) {
            return;
        }
        if (accounts.existsByUsername(AccountService.normalizeUsername(username))) {
            log.info("Admin account '{}' exists; its password is left unchanged", username);
            return;
        }
        if (!StringUtils.hasText(password)) {
            throw new IllegalStateException("MOCKPANEL_ADMIN_USERNAME is set but MOCKPANEL_ADMIN_PASSWORD is not: "
                    + "set a password of " + PasswordPolicy.requirements() + ".");
        }
        try {
            accountService.create(new NewAccount(username, "Administrator", AccountRole.ADMIN, password));
        } catch (AccountException e) {
            throw new IllegalStateException("Cannot create the admin account from MOCKPANEL_ADMIN_USERNAME/"
                    + "MOCKPANEL_ADMIN_PASSWORD: " + e.getMessage(), e);
        }
        log.info("Created admin account '{}'", username);
    }

    private void createDemoAccounts() {
        StringBuilder created = new StringBuilder();
        for (NewAccount demo : DEMO_ACCOUNTS) {
            if (!accounts.existsByUsername(demo.username())) {
                accountService.create(demo);
                created.append(String.format("%n  %-13s %s", demo.username(), demo.role().label()));
            }
        }
        if (!created.isEmpty()) {
            // No password in a log, not even the demo one (decision 0043): the README names it.
            log.info("Demo accounts created (embedded development database only; their password is in the "
                    + "README):{}", created);
        } else {
            log.info("Demo accounts: admin, interviewer, interviewer2, coach (password as in the README unless "
                    + "changed)");
        }
    }
}
