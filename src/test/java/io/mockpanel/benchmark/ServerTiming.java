package io.mockpanel.benchmark;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.shared.Registration;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Where a push spends its time on the server: when a browser's request (the click) reached
 * Tomcat, and when a push frame for another browser (the candidate's room) was handed to
 * Atmosphere. Both on the wall clock in epoch milliseconds, the same clock as the browser's
 * {@code performance.timeOrigin + performance.now()} on this machine, so a push splits into
 * click → request, request → frame (the server part) and frame → DOM.
 *
 * <p>Installed at run time for one benchmark (a Tomcat valve, and a UI init listener that gives
 * every new UI a push connection that notes its frames) and removed by {@link #close()}: nothing
 * changes for other tests of the shared context. Browsers are told apart by their HTTP session id.
 */
final class ServerTiming implements AutoCloseable {

    /** A mark: whose HTTP session, and when. */
    private record Mark(String httpSession, double epochMillis) {
    }

    private final ConcurrentLinkedQueue<Mark> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Mark> frames = new ConcurrentLinkedQueue<>();
    private final Container context;
    private final ValveBase valve;
    private final Registration uiInit;

    private ServerTiming(Container context, VaadinServlet servlet) {
        this.context = context;
        this.valve = new RequestValve();
        context.getPipeline().addValve(valve);
        this.uiInit = servlet.getService().addUIInitListener(event -> timePushes(event.getUI()));
    }

    /** Starts timing on the application's embedded Tomcat; the Vaadin servlet must have started. */
    static ServerTiming install(ApplicationContext application) {
        var server = (TomcatWebServer) ((WebServerApplicationContext) application).getWebServer();
        for (Container child : server.getTomcat().getHost().findChildren()) {
            if (child instanceof Context context) {
                for (Container inContext : context.findChildren()) {
                    if (inContext instanceof Wrapper wrapper && wrapper.getServlet() instanceof VaadinServlet vaadin) {
                        return new ServerTiming(context, vaadin);
                    }
                }
            }
        }
        throw new IllegalStateException("no started Vaadin servlet in the embedded Tomcat");
    }

    /** Forgets every mark: the next ones belong to the next push. */
    void clear() {
        requests.clear();
        frames.clear();
    }

    /** When the first UIDL request (a click) of this browser arrived since {@link #clear()}. */
    OptionalDouble firstRequest(String httpSession) {
        return first(requests, httpSession);
    }

    /** When the first push frame to this browser was handed to Atmosphere since {@link #clear()}. */
    OptionalDouble firstFrame(String httpSession) {
        return first(frames, httpSession);
    }

    @Override
    public void close() {
        uiInit.remove();
        context.getPipeline().removeValve(valve);
    }

    private static OptionalDouble first(ConcurrentLinkedQueue<Mark> marks, String httpSession) {
        return marks.stream().filter(mark -> mark.httpSession().equals(httpSession))
                .mapToDouble(Mark::epochMillis).findFirst();
    }

    private static double now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1_000_000.0;
    }

    private void timePushes(UI ui) {
        ui.getPushConfiguration().setPushConnectionFactory(TimedPushConnection::new);
        if (ui.getInternals().getPushConnection() != null) {
            ui.getInternals().setPushConnection(new TimedPushConnection(ui));
        }
    }

    /** Vaadin's own push connection, noting when each frame leaves for the browser. */
    private final class TimedPushConnection extends AtmospherePushConnection {

        TimedPushConnection(UI ui) {
            super(ui);
        }

        @Override
        protected void sendMessage(String message) {
            super.sendMessage(message);
            frames.add(new Mark(getUI().getSession().getSession().getId(), now()));
        }
    }

    /** Notes the arrival of every UIDL request (clicks, not heartbeats or push) before Vaadin sees it. */
    private final class RequestValve extends ValveBase {

        RequestValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            String query = request.getQueryString();
            if (query != null && query.contains("v-r=uidl") && request.getRequestedSessionId() != null) {
                requests.add(new Mark(request.getRequestedSessionId(), now()));
            }
            getNext().invoke(request, response);
        }
    }
}
