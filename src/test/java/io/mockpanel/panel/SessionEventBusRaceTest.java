package io.mockpanel.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A tab reloading: the old screen's subscription goes while the new screen's comes, on two
 * threads at once. The new screen must stay subscribed, or it never hears of its session again
 * (the load benchmark's candidate rooms that stopped showing pushes). Before the fix the new
 * subscription could land in a set the removal had just taken out of the map: the window is a few
 * instructions wide, so the test makes many reloads; against the old code it lost 3 in 300 000
 * (a chance of about 95 % to catch the race coming back).
 */
class SessionEventBusRaceTest {

    private static final int ROUNDS = 300_000;

    @Test
    void a_subscription_made_while_the_last_other_one_goes_is_kept() throws Exception {
        SessionEventBus bus = new SessionEventBus();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        int lost = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long session = round;
                Subscription old = bus.subscribe(session, seq -> { });
                Future<?> leaving = threads.submit(() -> {
                    together.await();
                    old.remove();
                    return null;
                });
                Future<Subscription> coming = threads.submit(() -> {
                    together.await();
                    return bus.subscribe(session, seq -> { });
                });
                leaving.get();
                Subscription now = coming.get();
                if (bus.subscriberCount(session) != 1) {
                    lost++;
                }
                now.remove();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(lost).as("new subscriptions lost in %d reloads", ROUNDS).isZero();
    }
}
