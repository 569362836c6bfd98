package io.mockpanel.loadgen;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A panel while it runs: when the lead sent each push and when the candidate's screen showed it.
 * The candidate must see the pushes in the order sent; a prompt that shows up while an earlier
 * one was never shown counts as out of order, and a push the server acknowledged that never shows
 * stays unseen (counted by {@link #unseen}).
 */
final class LivePanel {

    final PanelPlan plan;
    private final LoadMetrics metrics;
    private final long[] sentAt;
    private final boolean[] acknowledged;
    private final boolean[] reportedOutOfOrder;
    private int nextToSend;
    private int nextToSee;
    /** Set by the run once this panel's consoles are open. */
    boolean consolesLaunched;
    /** The last text the server acknowledged for each note id, per panelist: "nothing acknowledged is lost". */
    final Map<String, String> acknowledgedNotes = new ConcurrentHashMap<>();
    /** The last few texts a message to the candidate's room set, to say what a stuck room shows. */
    private List<String> lastShown = List.of();
    /** The last score the server acknowledged on a draft, by "panelist/scenario/area". */
    final Map<String, AcknowledgedScore> acknowledgedScores = new ConcurrentHashMap<>();

    LivePanel(PanelPlan plan, LoadMetrics metrics) {
        this.plan = plan;
        this.metrics = metrics;
        int items = plan.promptTexts().size();
        sentAt = new long[items];
        acknowledged = new boolean[items];
        reportedOutOfOrder = new boolean[items];
    }

    /** The index of the next push, or -1 when the agenda is done; marks it sent now. */
    synchronized int send() {
        if (nextToSend >= sentAt.length) {
            return -1;
        }
        sentAt[nextToSend] = System.nanoTime();
        metrics.pushesSent.incrementAndGet();
        return nextToSend++;
    }

    synchronized void acknowledged(int push) {
        acknowledged[push] = true;
        metrics.pushesAcknowledged.incrementAndGet();
    }

    /** The candidate's browser received a message setting these texts at {@code nanos}. */
    synchronized void candidateSaw(List<String> texts, long nanos) {
        if (texts.isEmpty()) {
            return;
        }
        lastShown = List.copyOf(texts.size() > 3 ? texts.subList(texts.size() - 3, texts.size()) : texts);
        Set<String> shown = new HashSet<>(texts);
        List<String> prompts = plan.promptTexts();
        while (nextToSee < nextToSend && shown.contains(prompts.get(nextToSee))) {
            metrics.latency(sentAt[nextToSee], nanos, crossNode());
            metrics.pushesSeen.incrementAndGet();
            nextToSee++;
        }
        for (int later = nextToSee + 1; later < nextToSend; later++) {
            if (!reportedOutOfOrder[later] && shown.contains(prompts.get(later))) {
                reportedOutOfOrder[later] = true;
                metrics.outOfOrder.incrementAndGet();
                metrics.error("session " + plan.sessionId() + ": push " + later + " shown before push " + nextToSee);
            }
        }
    }

    /** The nodes that serve the lead's and the candidate's tabs, when a local load balancer names them. */
    volatile String leadNode = "";
    volatile String candidateNode = "";

    private boolean crossNode() {
        return !leadNode.isEmpty() && !candidateNode.isEmpty() && !leadNode.equals(candidateNode);
    }

    /** Pushes the server acknowledged that the candidate has not seen. */
    synchronized int unseen() {
        int unseen = 0;
        for (int i = nextToSee; i < nextToSend; i++) {
            if (acknowledged[i]) {
                unseen++;
            }
        }
        return unseen;
    }

    /** Where an acknowledged push stays unseen: the first one, the nodes, and what the room showed last. */
    synchronized String unseenDetail() {
        return "session " + plan.sessionId() + ": seen " + nextToSee + " of " + nextToSend + " sent, first unseen \""
                + plan.promptTexts().get(nextToSee) + "\", candidate on " + candidateNode + ", lead on " + leadNode
                + ", the room last showed " + lastShown;
    }

    synchronized int acknowledgedCount() {
        int count = 0;
        for (boolean ack : acknowledged) {
            count += ack ? 1 : 0;
        }
        return count;
    }

    synchronized int seen() {
        return nextToSee;
    }

    synchronized boolean agendaDone() {
        return nextToSend >= sentAt.length;
    }
}
