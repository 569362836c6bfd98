package io.mockpanel.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;

/** A panel member who works in the session's console: signs in (again, when the node forgot them) and opens it. */
abstract class SignedInPerson extends Person {

    private final String username;

    SignedInPerson(String username, LivePanel panel, LoadRun.Control control, HttpClient http, URI base) {
        super(panel, control, http, base);
        this.username = username;
    }

    @Override
    void enter() throws IOException, InterruptedException {
        Browser.Page console = browser.get(panel.plan.consoleRoute());
        if (console.uri().getPath().endsWith("/login")) {
            if (!browser.signIn(username, panel.plan.password())) {
                throw new IOException(username + " could not sign in");
            }
        }
        VaadinUi tab = newTab();
        tab.open(panel.plan.consoleRoute());
        if (ui.tree.byElementId("workspace").isEmpty()) {
            throw new IOException(username + "'s console did not open");
        }
    }
}
