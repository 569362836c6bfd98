package io.mockpanel.support;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import io.mockpanel.panel.SessionEventBus;
import io.mockpanel.panel.SessionTimeline;
import io.mockpanel.panel.ui.LiveFeed;
import org.jspecify.annotations.Nullable;

/**
 * A console's live feed for a part tested on its own: an invisible element in the UI follows the
 * session while attached, as the console's connection would, and stops when the UI is emptied.
 */
public final class FollowedFeed extends Div {

    private final LiveFeed feed;
    private final SessionEventBus bus;
    private @Nullable Registration following;

    private FollowedFeed(LiveFeed feed, SessionEventBus bus) {
        this.feed = feed;
        this.bus = bus;
        setVisible(false);
    }

    /** A feed for the signed-in member, following the session in the current UI. */
    public static LiveFeed open(SessionTimeline timeline, SessionEventBus bus, long sessionId) {
        var holder = new FollowedFeed(new LiveFeed(timeline.follow(sessionId)), bus);
        UI.getCurrent().add(holder);
        return holder.feed;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        following = feed.follow(attachEvent.getUI(), bus);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (following != null) {
            following.remove();
            following = null;
        }
    }
}
