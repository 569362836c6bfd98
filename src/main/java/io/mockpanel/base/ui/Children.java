package io.mockpanel.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.dom.Element;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Brings a container's children in line with a wanted list by touching only what differs: the
 * children no longer wanted are removed, the new ones inserted where they belong, the ones already
 * in place left alone. A live list (a timeline that gains a line per event on a few hundred open
 * screens) then sends the browser one new line per event instead of the whole list again, and the
 * server builds one line instead of all of them.
 */
public final class Children {

    private Children() {
    }

    /** Makes {@code parent}'s children from index {@code from} on exactly {@code wanted}, in order. */
    public static void sync(HasComponents parent, int from, List<? extends Component> wanted) {
        Element element = parent.getElement();
        Set<Component> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(wanted);
        for (int i = element.getChildCount() - 1; i >= from; i--) {
            Component child = element.getChild(i).getComponent().orElse(null);
            if (child == null || !keep.contains(child)) {
                element.removeChild(i);
            }
        }
        for (int i = 0; i < wanted.size(); i++) {
            Component child = wanted.get(i);
            int at = from + i;
            if (at >= element.getChildCount() || element.getChild(at) != child.getElement()) {
                parent.addComponentAtIndex(at, child);
            }
        }
    }
}
