package io.mockpanel.panel.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import io.mockpanel.support.KaribuTest;
import io.mockpanel.support.TestPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The new-session form's scenario picker filters what it was given in memory: whatever is typed
 * into it (a NUL, a broken surrogate, a very long text) never reaches the database. If it is ever
 * switched to a lazy, database-backed filter, this is where a NUL would break it.
 */
class PickerOddInputTest extends KaribuTest {

    @Autowired
    TestPanel testPanel;

    @AfterEach
    void closeView() {
        PanelViewSupport.closeView();
    }

    @Test
    void odd_text_typed_into_the_scenario_picker_filters_without_failing() {
        TestPanel.Panel panel = testPanel.scheduled();
        login(panel.lead(), "INTERVIEWER");
        UI.getCurrent().navigate("sessions/new");
        MockVaadin.clientRoundtrip(false);
        NewSessionView view = _get(NewSessionView.class);

        for (String odd : new String[] {"Cri\u0000sis", "\uD83D", "x".repeat(100_000)}) {
            ComboBoxKt.setUserInput(view.scenarioPicker, odd);
            assertThat(ComboBoxKt.getSuggestions(view.scenarioPicker)).as("suggestions for odd input").isEmpty();
        }
        ComboBoxKt.setUserInput(view.scenarioPicker, "Crisis");
        assertThat(ComboBoxKt.getSuggestions(view.scenarioPicker))
                .containsExactly("Crisis Management and Incident Response (45 min)");
    }
}
