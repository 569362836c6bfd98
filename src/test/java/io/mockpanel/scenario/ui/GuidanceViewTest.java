package io.mockpanel.scenario.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import io.mockpanel.support.KaribuTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuidanceViewTest extends KaribuTest {

    private GuidanceView open(String role) {
        login("guide", role);
        UI.getCurrent().navigate("guidance");
        MockVaadin.clientRoundtrip(false);
        return _get(GuidanceView.class);
    }

    private static Div card(GuidanceView view, String title) {
        return _find(view, Div.class, spec -> spec.withClasses("area-card")).stream()
                .filter(card -> _get(card, H3.class).getText().equals(title))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERVIEWER", "COACH", "ADMIN"})
    void the_guidance_view_starts_with_the_four_seed_lists(String role) {
        GuidanceView view = open(role);

        assertThat(_find(view, H3.class).stream().map(H3::getText).toList()).startsWith(
                "Preparation Strategies", "Response Framework", "Common Mistakes to Avoid", "Advanced Tips");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERVIEWER", "COACH"})
    void the_response_framework_card_lists_the_star_steps(String role) {
        Div framework = card(open(role), "Response Framework");

        List<String> labels = _find(framework, Span.class, spec -> spec.withClasses("guidance-label")).stream()
                .map(Span::getText).toList();
        assertThat(labels).containsExactly("Situation", "Task", "Action", "Result");
        assertThat(_find(framework, ListItem.class)).extracting(item -> item.getElement().getTextRecursively())
                .containsExactly(
                        "Situation: Set the context and scale",
                        "Task: Define your responsibilities and objectives",
                        "Action: Detail specific strategies and approaches",
                        "Result: Quantify outcomes and lessons learned");
    }
}
