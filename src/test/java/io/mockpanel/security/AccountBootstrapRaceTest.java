package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two replicas starting together on an empty database: each node runs the bootstrap in its own
 * transaction at the same moment. Every start must succeed and exactly one admin account exist.
 * Without the bootstrap's lock both nodes see no admin, both insert one, and the loser's start
 * fails on the unique user name (this test failed that way before the lock).
 */
@IntegrationTest
class AccountBootstrapRaceTest {

    private static final int NODES = 4;
    private static final int STARTS = 6;

    @Autowired
    AccountService accountService;

    @Autowired
    UserAccountRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void nodes_starting_together_create_the_admin_once_and_all_start() throws Exception {
        TestUsers.signOut();
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            for (int start = 0; start < STARTS; start++) {
                String admin = Unique.username("replica-admin");
                var properties = new AccountsProperties(
                        new AccountsProperties.Admin(admin, "replica-admin-password"), false);
                CountDownLatch together = new CountDownLatch(1);
                List<Future<?>> starts = new ArrayList<>();
                for (int node = 0; node < NODES; node++) {
                    // each node has its own bootstrap bean, run in its own transaction as the proxy does
                    var bootstrap = new AccountBootstrap(accountService, repository, properties, new DemoMode(false),
                            jdbc);
                    starts.add(nodes.submit(() -> {
                        together.await();
                        transactions.executeWithoutResult(status -> bootstrap.run(new DefaultApplicationArguments()));
                        return null;
                    }));
                }
                together.countDown();
                for (Future<?> nodeStart : starts) {
                    nodeStart.get(); // an exception here is a node whose start failed
                }
                assertThat(jdbc.sql("select count(*) from user_account where username = ?").param(admin)
                        .query(Long.class).single()).isEqualTo(1);
                assertThat(repository.findByUsername(admin).orElseThrow().role()).isEqualTo(AccountRole.ADMIN);
            }
        } finally {
            nodes.shutdownNow();
        }
    }
}
