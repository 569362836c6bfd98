package io.mockpanel.panel.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.mockpanel.panel.CandidateScreen;

/** "Candidate sees": the candidate's screen drawn by the room's own renderer, inside the console. */
final class CandidateMirror extends Div {

    private final CandidateScreenView screen = new CandidateScreenView(CandidateScreenView.Place.MIRROR, null);

    CandidateMirror() {
        addClassName("area-card");
        addClassName("candidate-mirror");
        setId("mirror");
        add(new H3("Candidate sees"), screen);
    }

    void show(CandidateScreen candidateScreen) {
        screen.show(candidateScreen);
    }
}
