package io.mockpanel.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs simulated panels against one address (a node, or a load balancer in front of several):
 * per panel a candidate, a lead who pushes every {@code pushInterval}, two panelists writing notes
 * (and, after each note, a draft of their score sheet) and an observing coach — five browser
 * tabs, each a virtual thread. Panels can be added while the run goes on (a ramp); {@link #stop}
 * closes every tab the way a browser closes it.
 */
public final class LoadRun implements AutoCloseable {

    /** The run's switches and counters, shared by its people. */
    public static final class Control {

        private final LoadMetrics metrics = new LoadMetrics();
        private volatile boolean running = true;
        private volatile boolean pushing;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger entered = new AtomicInteger();
        private final AtomicInteger left = new AtomicInteger();

        LoadMetrics metrics() {
            return metrics;
        }

        boolean running() {
            return running;
        }

        boolean pushing() {
            return pushing;
        }

        void started() {
            started.incrementAndGet();
        }

        void entered() {
            entered.incrementAndGet();
        }

        void left() {
            left.incrementAndGet();
        }

        /** Sleeps, waking early when the run stops. */
        void sleep(Duration pause) throws InterruptedException {
            long until = System.nanoTime() + pause.toNanos();
            while (running && System.nanoTime() < until) {
                TimeUnit.NANOSECONDS.sleep(Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(250)));
            }
        }
    }

    private static final int ARRIVALS_PER_SECOND = Integer.getInteger("loadgen.arrivals-per-second", 20);

    private final URI base;
    private final Duration pushInterval;
    private final HttpClient http;
    private final ExecutorService people = Executors.newVirtualThreadPerTaskExecutor();
    private final Control control = new Control();
    private final List<LivePanel> panels = new ArrayList<>();
    private int tabs;

    /** {@code base} like "http://localhost:8080/". */
    public LoadRun(URI base, Duration pushInterval) {
        this.base = base;
        this.pushInterval = pushInterval;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Adds these panels: their candidates first (the room open before anything is pushed), then
     * the four consoles of each; returns when every tab is in or {@code timeout} passed.
     */
    public synchronized void add(List<PanelPlan> plans, Duration timeout) throws InterruptedException {
        List<LivePanel> added = plans.stream().map(plan -> new LivePanel(plan, control.metrics)).toList();
        panels.addAll(added);
        added.forEach(panel -> launch(new Candidate(panel, control, http, base)));
        awaitEntered(timeout);
        for (LivePanel panel : added) {
            panel.consolesLaunched = true;
            launch(new Lead(panel, control, http, base, pushInterval));
            panel.plan.panelists().forEach(p -> launch(new Panelist(p, panel, control, http, base)));
            launch(new Coach(panel, control, http, base));
        }
        awaitEntered(timeout);
    }

    /** Adds only the candidates' rooms of these panels (to measure what a room costs alone). */
    public synchronized void addCandidates(List<PanelPlan> plans, Duration timeout) throws InterruptedException {
        List<LivePanel> added = plans.stream().map(plan -> new LivePanel(plan, control.metrics)).toList();
        panels.addAll(added);
        added.forEach(panel -> launch(new Candidate(panel, control, http, base)));
        awaitEntered(timeout);
    }

    /** Adds the four consoles of panels whose candidates were added with {@link #addCandidates}. */
    public synchronized void addConsoles(Duration timeout) throws InterruptedException {
        for (LivePanel panel : panels) {
            if (!panel.consolesLaunched) {
                panel.consolesLaunched = true;
                launch(new Lead(panel, control, http, base, pushInterval));
                panel.plan.panelists().forEach(p -> launch(new Panelist(p, panel, control, http, base)));
                launch(new Coach(panel, control, http, base));
            }
        }
        awaitEntered(timeout);
    }

    /**
     * Starts a person; people arrive at {@link #ARRIVALS_PER_SECOND} at most, as they do — a
     * thousand sign-ins in the same second would measure the password hash, not the live panel.
     */
    private void launch(Person person) {
        tabs++;
        people.submit(person);
        try {
            Thread.sleep(1000 / ARRIVALS_PER_SECOND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitEntered(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (control.entered.get() < tabs && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    /** Leads start (or go on) pushing; latencies are counted from now on. */
    public void startPushing() {
        control.metrics.startWindow();
        control.pushing = true;
    }

    /** Leads stop pushing (the candidates' screens can catch up before the figures are read). */
    public void stopPushing() {
        control.pushing = false;
    }

    /** Starts a new measuring window (a ramp level). */
    public void newWindow() {
        control.metrics.startWindow();
    }

    /** Closes every tab (unload beacon, websocket closed) and waits for the people to leave. */
    public void stop() throws InterruptedException {
        control.running = false;
        people.shutdown();
        people.awaitTermination(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        // Not close(): it waits for every exchange, and a tab the server never answered would hold it.
        http.shutdownNow();
    }

    public int tabs() {
        return tabs;
    }

    public int tabsIn() {
        return control.entered.get();
    }

    public int panels() {
        return panels.size();
    }

    /** What the run measured so far (the latencies of the current window). */
    public LoadReport report() {
        LoadMetrics m = control.metrics;
        int unseen = 0;
        int seen = 0;
        for (LivePanel panel : List.copyOf(panels)) {
            unseen += panel.unseen();
            seen += panel.seen();
        }
        return new LoadReport(panels.size(), tabs, control.entered.get(), m.latencies(), m.crossNodeLatencies(),
                m.reopenTimes(), m.errors.get(),
                m.errorExamples(), m.pushesSent.get(), m.pushesAcknowledged.get(), seen, unseen, m.outOfOrder.get(),
                m.noteSaves.get(), m.noteSavesRefused.get(), m.scoreSaves.get(), m.scoreSavesRefused.get(),
                m.pushFrames.get(), m.pushesClosed.get(), m.reopened.get());
    }

    /** Pushes the server acknowledged, per session. */
    public java.util.Map<Long, Integer> acknowledgedPushes() {
        java.util.Map<Long, Integer> all = new java.util.HashMap<>();
        List.copyOf(panels).forEach(p -> all.put(p.plan.sessionId(), p.acknowledgedCount()));
        return all;
    }

    /** Every note text the server acknowledged, by "panelist/noteId" (to check against the database). */
    public java.util.Map<String, String> acknowledgedNotes() {
        java.util.Map<String, String> all = new java.util.HashMap<>();
        List.copyOf(panels).forEach(p -> all.putAll(p.acknowledgedNotes));
        return all;
    }

    /** The last score the server acknowledged for each area of each draft sheet (to check against the database). */
    /** For each panel with acknowledged pushes its candidate has not seen: where it stands. */
    public List<String> unseenDetails() {
        return List.copyOf(panels).stream().filter(p -> p.unseen() > 0).map(LivePanel::unseenDetail).toList();
    }

    public List<AcknowledgedScore> acknowledgedScores() {
        return List.copyOf(panels).stream().flatMap(p -> p.acknowledgedScores.values().stream()).toList();
    }
}
