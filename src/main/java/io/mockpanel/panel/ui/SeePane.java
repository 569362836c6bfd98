package io.mockpanel.panel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.LiveSession;
import io.mockpanel.panel.SessionDetails;
import io.mockpanel.panel.SessionEvent;
import io.mockpanel.panel.SessionState;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The "see" region: the lead's invite card until the candidate is in, the timer, what the
 * candidate sees and their clarification requests. Once the candidate joined, the card folds into
 * the header's "Invite link" button.
 */
final class SeePane extends Div {

    final TimerCard timer;
    final CandidateMirror mirror = new CandidateMirror();
    private final ClarificationList clarifications = new ClarificationList();
    /** The lead's only; null for everyone else. */
    private final @Nullable InviteCard inviteCard;
    private final Button headerInvite;
    private final Clock clock;

    SeePane(TimerCard timer, @Nullable InviteCard inviteCard, Button headerInvite, Clock clock) {
        this.timer = timer;
        this.inviteCard = inviteCard;
        this.headerInvite = headerInvite;
        this.clock = clock;
        headerInvite.addClickListener(e -> InviteDialog.open(inviteCard));
        addClassName("see-pane");
        addClassName("pane-scroll");
        add(timer, mirror, clarifications);
    }

    /** The timer and the mirror, from the live state alone (no query). */
    void showStage(SessionDetails session, LiveSession live, boolean canAct) {
        timer.show(live, canAct, clock.instant());
        mirror.show(CandidateScreen.mirror(session, live, clock.instant()));
    }

    /** The pacing cue moves with time alone. */
    void showPacing(LiveSession live) {
        timer.showPacing(live, clock.instant());
    }

    void showClarifications(List<SessionEvent> requests) {
        clarifications.show(requests);
    }

    /** The lead's list of the session's mails, read again (one query); nothing for anyone else. */
    void showMails() {
        if (inviteCard != null) {
            inviteCard.mails.refresh();
        }
    }

    /**
     * Before the candidate is in, the invite card is the first thing in this region; once they
     * joined, it folds into the header's "Invite link" button (a dialog), out of the way.
     */
    void showInvite(SessionState state) {
        if (inviteCard == null) {
            return;
        }
        inviteCard.showStatus();
        boolean over = state == SessionState.COMPLETED || state == SessionState.CANCELLED;
        boolean folded = inviteCard.candidateIn() || over;
        headerInvite.setVisible(folded && !over);
        if (!folded && inviteCard.getParent().filter(this::equals).isEmpty()) {
            InviteDialog.closeAround(inviteCard);
            addComponentAsFirst(inviteCard);
        } else if (folded && inviteCard.getParent().filter(this::equals).isPresent()) {
            remove(inviteCard);
        }
    }
}
