package io.mockpanel.scoring.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.mockpanel.scoring.ScoringFixture.as;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import io.mockpanel.panel.PanelSessionService;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.panel.ui.LiveFeed;
import io.mockpanel.scoring.ScoreScale;
import io.mockpanel.scoring.ScoringBoard;
import io.mockpanel.scoring.ScoringService;
import io.mockpanel.support.FollowedFeed;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Mounting the scoring panel in a mocked UI against the real services, and finding its parts. */
abstract class ScoringPanelTestSupport extends KaribuTest {

    @Autowired
    ScoringService scoring;

    @Autowired
    PanelSessionService sessions;

    @Autowired
    SessionEventBus bus;

    @Autowired
    SessionTimeline timeline;

    @Autowired
    TestPanel testPanel;

    @AfterEach
    void unmount() {
        // Detaching removes the panels' feed listeners before the mocked UI goes away.
        UI.getCurrent().removeAll();
    }

    ScoringPanel mount(String username, String role, long sessionId) {
        login(username, role);
        return add(new ScoringPanel(feed(sessionId), scoring, sessions));
    }

    LiveFeed feed(long sessionId) {
        return FollowedFeed.open(timeline, bus, sessionId);
    }

    static ScoringPanel add(ScoringPanel panel) {
        UI.getCurrent().add(panel);
        return panel;
    }

    @SuppressWarnings("unchecked")
    static RadioButtonGroup<ScoreScale> radio(Component in, String id) {
        return _get(in, RadioButtonGroup.class, spec -> spec.withId(id));
    }

    static TextArea textArea(Component in, String id) {
        return _get(in, TextArea.class, spec -> spec.withId(id));
    }

    static Button button(Component in, String id) {
        return _get(in, Button.class, spec -> spec.withId(id));
    }

    static String text(Component in, String id) {
        return _get(in, Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    static boolean shows(Component in, String id) {
        return !_find(in, Component.class, spec -> spec.withId(id)).isEmpty();
    }

    /** The component and everything under it, as the component tree holds it. */
    static Stream<Component> tree(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ScoringPanelTestSupport::tree));
    }

    /** Fills in every area and the recommendation with {@code scores} (one per area, then the recommendation). */
    static void fill(Component in, int... scores) {
        for (int area = 0; area < scores.length - 1; area++) {
            radio(in, "score-area-" + area).setValue(ScoreScale.of(scores[area]).orElseThrow());
            textArea(in, "justification-" + area).setValue("UI justification " + area);
        }
        radio(in, "recommendation").setValue(ScoreScale.of(scores[scores.length - 1]).orElseThrow());
        textArea(in, "recommendation-text").setValue("UI recommendation");
    }

    /** Sets a field's value as if its user had changed it in the browser. */
    static <T> void asUser(AbstractField<?, T> field, T value) throws ReflectiveOperationException {
        Method setModelValue = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
        setModelValue.setAccessible(true);
        setModelValue.invoke(field, value, true);
    }

    ScoringBoard boardAs(String username, long sessionId) {
        return as(username, "INTERVIEWER", () -> scoring.board(sessionId, 0));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not updated within 20 seconds");
            }
            Thread.sleep(50);
            MockVaadin.runUIQueue();
        }
    }
}
