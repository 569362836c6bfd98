package io.mockpanel.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One browser tab on a Vaadin Flow page, speaking Vaadin's protocol as its own client does:
 * the bootstrap request ({@code ?v-r=init}), the push websocket (Atmosphere,
 * {@code /VAADIN/push}), and UIDL requests ({@code ?v-r=uidl}) that carry the UI's CSRF token, the
 * last server sync id seen and a client message id that counts up by one. One request is in
 * flight at a time, and server messages (answers and push frames) are applied in sync-id order,
 * as Vaadin's client does; each message reaches the {@link Listener} with the time it arrived.
 */
final class VaadinUi implements WebSocket.Listener {

    /** Told of each server message in sync-id order, with {@link System#nanoTime()} at its arrival. */
    interface Listener {
        void onMessage(JsonNode message, long arrivedNanos);
    }

    private static final JsonMapper JSON = JsonMapper.shared();
    /** What Chromium sends for a click on a Vaadin button. */
    private static final Map<String, Object> CLICK = Map.of("event.shiftKey", false, "event.metaKey", false,
            "event.detail", 1, "event.ctrlKey", false, "event.clientX", 10, "event.clientY", 10,
            "event.altKey", false, "event.button", 0, "event.screenX", 10, "event.screenY", 10);
    /** Messages that wait for an earlier one longer than this are applied anyway (Vaadin resynchronises). */
    private static final long GAP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Browser browser;
    private final LoadMetrics metrics;
    private final Listener listener;
    final StateTree tree = new StateTree();
    private final PushFrames frames = new PushFrames();
    private final TreeMap<Integer, Arrived> waiting = new TreeMap<>();

    private int uiId = -1;
    private String csrfToken = "";
    private String pushId = "";
    private int nextClientId;
    private int lastSyncId = -1;
    private int nextPromise;
    private long gapSince;
    private volatile WebSocket webSocket;
    private volatile boolean closing;
    private volatile long lastHeartbeat = System.nanoTime();
    private volatile long lastPoll = System.nanoTime();

    private record Arrived(JsonNode message, long nanos) {
    }

    VaadinUi(Browser browser, LoadMetrics metrics, Listener listener) {
        this.browser = browser;
        this.metrics = metrics;
        this.listener = listener;
    }

    /**
     * Opens {@code route} (e.g. "join/abc" or "sessions/12") as a browser does: the page, the init
     * request with the browser's details, the push websocket, then the navigation event.
     */
    void open(String route) throws IOException, InterruptedException {
        Browser.Page page = browser.get(route);
        if (page.status() != 200) {
            throw new IOException("GET " + route + " answered " + page.status());
        }
        String location = browser.base.relativize(page.uri()).toString();
        HttpResponse<String> init = browser.send(HttpRequest.newBuilder(browser.base.resolve("?v-r=init&location="
                + Browser.encode(location) + "&query=" + clientDetails())).GET(), HttpResponse.BodyHandlers.ofString());
        if (init.statusCode() != 200) {
            throw new IOException("init of " + route + " answered " + init.statusCode());
        }
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        csrfToken = uidl.path("Vaadin-Security-Key").asString();
        pushId = uidl.path("Vaadin-Push-ID").asString();
        deliver(uidl, System.nanoTime());
        connectPush();
        ObjectNode data = JSON.createObjectNode().put("route", "/" + location).put("query", "")
                .put("appShellTitle", "mockpanel").put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        send(event(1, "ui-navigate", data));
    }

    private String clientDetails() {
        return "&v-sh=900&v-sw=1440&v-wh=900&v-ww=1440&v-bh=900&v-bw=1440&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-"
                + ThreadLocalRandom.current().nextInt(1_000_000) + "&v-td=false&v-pr=1&v-np=Linux&v-cs=light"
                + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT"
                + "&v-wla=SUPPORTED&v-ws=false";
    }

    private void connectPush() {
        String ws = browser.base.toString().replaceFirst("^http", "ws") + "VAADIN/push?v-r=push&v-uiId=" + uiId
                + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true"
                + "&X-Vaadin-LastSeenServerSyncId=" + Math.max(0, lastSyncId);
        WebSocket.Builder builder = browser.http.newWebSocketBuilder().connectTimeout(Browser.TIMEOUT);
        String cookies = browser.cookieHeader();
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies);
        }
        builder.header("X-Forwarded-For", browser.address);
        webSocket = builder.buildAsync(URI.create(ws), this).join();
    }

    /** Clicks the element with this {@code id}; empty when the page has no such clickable element. */
    Optional<JsonNode> click(String elementId) throws IOException, InterruptedException {
        Optional<ObjectNode> click = clickOf(elementId);
        return click.isEmpty() ? Optional.empty() : Optional.of(send(click.get()));
    }

    /** The invocation a click on the element with this {@code id} sends; empty when it is not clickable. */
    Optional<ObjectNode> clickOf(String elementId) {
        return tree.byElementId(elementId).filter(n -> tree.listens(n, "click"))
                .map(node -> event(node, "click", JSON.valueToTree(CLICK)));
    }

    /**
     * What the browser sends when its user changes the {@code property} of the element with this
     * {@code id} (a field's value, a tab bar's selected tab): on the DOM event the server listens to
     * for it, the new value (Flow's {@code mSync}), then the event itself, with no data of its own.
     * Empty when the page has no such element or the server does not take that property from it.
     */
    Optional<List<ObjectNode>> changeOf(String elementId, String property, Object value) {
        Optional<Integer> node = tree.byElementId(elementId);
        Optional<String> event = node.flatMap(n -> tree.eventSynchronizing(n, property));
        if (event.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode sync = JSON.createObjectNode().put("type", "mSync").put("node", node.get())
                .put("feature", StateTree.ELEMENT_PROPERTIES).put("property", property);
        sync.set("value", JSON.valueToTree(value));
        return Optional.of(List.of(sync, event(node.get(), event.get(), JSON.createObjectNode())));
    }

    /**
     * Calls the server method {@code method} (a {@code @ClientCallable}) of the node that offers it,
     * as the page's script does with {@code this.$server.method(...)}; the server's reply is in the
     * answer's {@code execute} (see {@link #promiseResult}).
     */
    Optional<Call> call(String method, Object... arguments) throws IOException, InterruptedException {
        Optional<Integer> node = tree.withCallable(method);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        int promise = nextPromise++;
        ObjectNode rpc = JSON.createObjectNode().put("type", "publishedEventHandler").put("node", node.get())
                .put("templateEventMethodName", method).put("promise", promise);
        ArrayNode args = rpc.putArray("templateEventMethodArgs");
        for (Object argument : arguments) {
            args.add(JSON.valueToTree(argument));
        }
        return Optional.of(new Call(promise, send(rpc)));
    }

    /** An answer to a {@link #call} and the promise id it resolves. */
    record Call(int promise, JsonNode answer) {

        /** The method's return value when the server resolved the promise, empty when it did not or refused. */
        Optional<JsonNode> result() {
            return promiseResult(answer, promise);
        }
    }

    static Optional<JsonNode> promiseResult(JsonNode answer, int promise) {
        for (JsonNode invocation : answer.path("execute")) {
            String script = invocation.path(invocation.size() - 1).asString();
            if (script.contains("['}p']($0, true") && invocation.path(0).asInt(-1) == promise) {
                return Optional.of(invocation.path(1));
            }
        }
        return Optional.empty();
    }

    private ObjectNode event(int node, String name, JsonNode data) {
        ObjectNode event = JSON.createObjectNode().put("type", "event").put("node", node).put("event", name);
        event.set("data", data);
        return event;
    }

    /** Sends one UIDL request with these invocations and applies its answer; returns the answer. */
    synchronized JsonNode send(ObjectNode... invocations) throws IOException, InterruptedException {
        ObjectNode payload = JSON.createObjectNode().put("csrfToken", csrfToken);
        ArrayNode rpc = payload.putArray("rpc");
        for (ObjectNode invocation : invocations) {
            rpc.add(invocation);
        }
        payload.put("syncId", Math.max(0, lastSyncId)).put("clientId", nextClientId);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uidlUri("uidl"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString())), HttpResponse.BodyHandlers.ofString());
        long arrived = System.nanoTime();
        if (response.statusCode() != 200) {
            throw new IOException("UIDL answered " + response.statusCode());
        }
        String body = response.body().startsWith("for(;;);") ? response.body().substring(8) : response.body();
        JsonNode answer = JSON.readTree(body);
        if (answer.isArray()) {
            answer = answer.path(0);
        }
        JsonNode meta = answer.path("meta");
        if (meta.has("appError") || meta.path("sessionExpired").asBoolean(false)) {
            throw new IOException("the server refused the request: " + meta);
        }
        nextClientId = answer.has("clientId") ? answer.path("clientId").asInt() : nextClientId + 1;
        deliver(answer, arrived);
        return answer;
    }

    private URI uidlUri(String kind) {
        return browser.base.resolve("?v-r=" + kind + "&v-uiId=" + uiId);
    }

    /**
     * Polls as Vaadin's client does for a UI with a poll interval (every live page asks for one every
     * 15 s: its presence heartbeat and its catch-up by sequence ride on it).
     */
    void pollIfDue() throws IOException, InterruptedException {
        if (System.nanoTime() - lastPoll < TimeUnit.SECONDS.toNanos(15)) {
            return;
        }
        lastPoll = System.nanoTime();
        send(event(1, "ui-poll", JSON.createObjectNode()));
    }

    /** Sends Vaadin's heartbeat when its interval (5 minutes by default) has passed. */
    void heartbeatIfDue() throws IOException, InterruptedException {
        if (System.nanoTime() - lastHeartbeat < TimeUnit.MINUTES.toNanos(5)) {
            return;
        }
        lastHeartbeat = System.nanoTime();
        HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(uidlUri("heartbeat"))
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException("heartbeat answered " + response.statusCode());
        }
    }

    /** Closes the tab: the unload beacon a browser sends (the server drops the UI at once), then the websocket. */
    void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            ObjectNode beacon = JSON.createObjectNode().put("csrfToken", csrfToken).put("UNLOAD", true);
            beacon.putArray("rpc");
            beacon.put("syncId", Math.max(0, lastSyncId)).put("clientId", nextClientId);
            browser.send(HttpRequest.newBuilder(uidlUri("uidl")).header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(beacon.toString())), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | RuntimeException e) {
            // the server may be gone; the tab closes anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.abort();
        }
    }

    boolean pushOpen() {
        WebSocket socket = webSocket;
        return socket != null && !socket.isInputClosed();
    }

    // --- server messages in sync-id order ------------------------------------------------------------

    private void deliver(JsonNode message, long arrivedNanos) {
        // Applied under the lock, so a push frame and an answer never reach the tree out of order.
        synchronized (waiting) {
            List<Arrived> ready = new ArrayList<>();
            if (!message.has("syncId")) {
                ready.add(new Arrived(message, arrivedNanos));
            } else {
                int syncId = message.path("syncId").asInt();
                if (syncId > lastSyncId) {
                    waiting.put(syncId, new Arrived(message, arrivedNanos));
                }
                drain(ready);
            }
            for (Arrived arrived : ready) {
                // the listeners' settings (which event synchronizes which property) come before the changes using them
                tree.constants(arrived.message().path("constants"));
                JsonNode changes = arrived.message().path("changes");
                if (!changes.isMissingNode()) {
                    tree.apply(changes);
                }
                listener.onMessage(arrived.message(), arrived.nanos());
            }
        }
    }

    private void drain(List<Arrived> ready) {
        while (!waiting.isEmpty()) {
            int first = waiting.firstKey();
            boolean inOrder = lastSyncId < 0 || first == lastSyncId + 1;
            if (!inOrder) {
                if (gapSince == 0) {
                    gapSince = System.nanoTime();
                }
                if (System.nanoTime() - gapSince < GAP_NANOS) {
                    return;
                }
                metrics.error("ui " + uiId + ": server message " + (lastSyncId + 1) + " never arrived");
            }
            gapSince = 0;
            lastSyncId = first;
            ready.add(waiting.pollFirstEntry().getValue());
        }
    }

    // --- the push websocket --------------------------------------------------------------------------

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        long arrived = System.nanoTime();
        try {
            for (String message : frames.accept(data)) {
                JsonNode json = JSON.readTree(message);
                metrics.pushFrame();
                deliver(json, arrived);
            }
        } catch (RuntimeException e) {
            metrics.error("ui " + uiId + ": bad push message: " + e.getMessage());
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        if (!closing) {
            metrics.pushClosed();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        if (!closing) {
            metrics.pushClosed();
        }
    }
}
