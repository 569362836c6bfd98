package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import io.mockpanel.panel.ListenerSignals;
import io.mockpanel.panel.PresenceService;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.support.ExhaustedPool;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * While this node cannot hear live updates, the console and the candidate's room say they are
 * reconnecting, and stop saying so when updates flow again. While the database is away, the
 * pages' heartbeats fail quietly: no error for the user, one log line for the whole outage.
 */
class LiveConnectionFaultsTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;

    @Autowired
    SessionEventBus bus;

    @Autowired
    DataSource dataSource;

    @Autowired
    PresenceService presence;

    private TestPanel.Panel panel;
    private int backendPid;

    @BeforeEach
    void livePanel() {
        panel = testPanel.live();
        backendPid = bus.listenerStatus().backendPid();
    }

    @AfterEach
    void listenerBackAndViewClosed() {
        if (!bus.listenerStatus().listening()) {
            ListenerSignals.back(bus, backendPid);
        }
        PanelViewSupport.closeView();
    }

    @Test
    void the_candidates_room_says_it_is_reconnecting_while_the_listener_is_lost() {
        openRoom();
        ReconnectingBanner banner = _get(ReconnectingBanner.class);
        assertThat(banner.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(banner.getText()).isEmpty();

        ListenerSignals.lost(bus);
        await(() -> banner.isShown());
        assertThat(banner.getText()).isEqualTo("Reconnecting to the live session… updates will resume by themselves");

        ListenerSignals.back(bus, backendPid);
        await(() -> !banner.isShown());
        assertThat(banner.getText()).isEmpty();
    }

    @Test
    void the_console_says_it_is_reconnecting_while_the_listener_is_lost() {
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/" + panel.sessionId());
        MockVaadin.clientRoundtrip(false);
        ReconnectingBanner banner = _get(ReconnectingBanner.class);
        assertThat(banner.isShown()).isFalse();

        ListenerSignals.lost(bus);
        await(() -> banner.isShown());

        ListenerSignals.back(bus, backendPid);
        await(() -> !banner.isShown());
    }

    @Test
    void a_page_opened_while_the_listener_is_lost_shows_the_banner_at_once() {
        ListenerSignals.lost(bus);

        openRoom();

        assertThat(_get(ReconnectingBanner.class).isShown()).isTrue();
    }

    @Test
    void leaving_the_page_takes_the_banner_with_it() {
        openRoom();
        _get(ReconnectingBanner.class);

        PanelViewSupport.closeView();

        assertThat(UI.getCurrent().getChildren().filter(ReconnectingBanner.class::isInstance)).isEmpty();
    }

    /** A hint's delivery thread may still be on its way when the page closes (its subscription is gone). */
    @Test
    void a_hint_that_arrives_after_the_page_closed_runs_nothing() {
        PanelViewSupport.signInCandidate(testPanel.join(panel, "Casey").principal());
        AtomicReference<LongConsumer> inFlight =
                new AtomicReference<>();
        SessionEventBus capturing = new SessionEventBus() {
            @Override
            public io.mockpanel.panel.Subscription subscribe(long sessionId, SessionEventBus.Audience audience, LongConsumer onHint) {
                inFlight.set(onHint);
                return super.subscribe(sessionId, audience, onHint);
            }
        };
        AtomicInteger hintsRun = new AtomicInteger();
        LiveConnection connection = LiveConnection.open(UI.getCurrent(), panel.sessionId(), presence, capturing,
                hintsRun::incrementAndGet, () -> { });

        connection.close();
        inFlight.get().accept(42);
        MockVaadin.clientRoundtrip(false);

        assertThat(hintsRun).hasValue(0);
    }

    @Test
    void heartbeats_while_the_database_is_away_fail_quietly_and_are_logged_once() {
        openRoom();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(LiveConnection.class);
        logger.addAppender(logged);
        try {
            try (ExhaustedPool away = ExhaustedPool.of(dataSource)) {
                poll();
                poll();
            }
            poll();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logged.list.getFirst().getFormattedMessage()).contains("cannot reach the database");
    }

    private void openRoom() {
        PanelViewSupport.signInCandidate(testPanel.join(panel, "Casey").principal());
        UI.getCurrent().navigate("room");
        MockVaadin.clientRoundtrip(false);
    }

    /** What the browser's poll (every 15 s) does on the server. */
    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private static void await(BooleanSupplier condition) {
        assertThat(PanelViewSupport.awaitUi(condition, Duration.ofSeconds(10))).isTrue();
    }
}
