package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The console's working area: three regions side by side that each scroll on their own — run
 * (the agenda), see (what the candidate sees, the timer, requests) and write (notes, and the
 * other panes such as scoring behind tabs of their own). Below 1100 px wide (tablets, phones) the
 * same regions become tabs — Run, See, Write, Score — so nothing is lost, only folded.
 *
 * <p>Which region and pane show is decided by the stylesheet from two attributes the server sets
 * ({@code data-region} here, {@code active} on the write pane), so switching costs no redraw.
 */
final class Workspace extends Div {

    /**
     * A pane of the write region: its key, its tab titles on narrow and wide screens, and its
     * content, built with the workspace or, when {@code builtWhenOpened}, the first time it comes
     * to the front.
     */
    record Pane(String key, String narrowTitle, String wideTitle, Supplier<Component> content, boolean builtWhenOpened) {
    }

    private final Tabs regionTabs = new Tabs();
    private final Tabs writeTabs = new Tabs();
    private final List<Pane> panes;
    private final List<Div> paneHolders = new ArrayList<>();
    private final Tab runTab = new Tab("Run");
    private final Tab seeTab = new Tab("See");
    private final List<Tab> narrowPaneTabs = new ArrayList<>();
    private final List<Tab> widePaneTabs = new ArrayList<>();
    private boolean switching;

    Workspace(Component run, Component see, List<Pane> panes) {
        this.panes = List.copyOf(panes);
        addClassName("workspace");
        setId("workspace");
        regionTabs.addClassName("region-tabs");
        regionTabs.setId("region-tabs");
        regionTabs.add(runTab, seeTab);
        writeTabs.addClassName("write-tabs");
        writeTabs.setId("write-tabs");
        var write = new Section(writeTabs);
        write.addClassName("region");
        write.addClassName("region-write");
        for (Pane pane : panes) {
            Tab narrow = new Tab(pane.narrowTitle());
            narrow.setId("tab-" + pane.key());
            narrowPaneTabs.add(narrow);
            regionTabs.add(narrow);
            Tab wide = new Tab(pane.wideTitle());
            wide.setId("wide-tab-" + pane.key());
            widePaneTabs.add(wide);
            writeTabs.add(wide);
            var holder = new Div();
            if (!pane.builtWhenOpened()) {
                holder.add(pane.content().get());
            }
            holder.addClassName("write-pane");
            holder.addClassName("pane-scroll");
            holder.getElement().setAttribute("data-pane", pane.key());
            paneHolders.add(holder);
            write.add(holder);
        }
        // One pane needs no tabs on a wide screen.
        writeTabs.setVisible(panes.size() > 1);
        runTab.setId("tab-run");
        seeTab.setId("tab-see");
        var runRegion = region("region-run", run);
        var seeRegion = region("region-see", see);
        var regions = new Div(runRegion, seeRegion, write);
        regions.addClassName("regions");
        add(regionTabs, regions);
        regionTabs.addSelectedChangeListener(e -> {
            if (!switching) {
                Tab tab = e.getSelectedTab();
                if (tab == runTab) {
                    showRegion("run");
                } else if (tab == seeTab) {
                    showRegion("see");
                } else {
                    showPane(narrowPaneTabs.indexOf(tab));
                }
            }
        });
        writeTabs.addSelectedChangeListener(e -> {
            if (!switching) {
                showPane(widePaneTabs.indexOf(e.getSelectedTab()));
            }
        });
        showPane(0);
        showRegion("run");
    }

    private static Section region(String name, Component content) {
        var region = new Section(content);
        region.addClassName("region");
        region.addClassName(name);
        return region;
    }

    /** Brings a pane of the write region (and, on a narrow screen, the region) to the front. */
    void showPane(String key) {
        for (int i = 0; i < panes.size(); i++) {
            if (panes.get(i).key().equals(key)) {
                showPane(i);
            }
        }
    }

    private void showPane(int index) {
        if (index < 0) {
            return;
        }
        Div front = paneHolders.get(index);
        if (front.getComponentCount() == 0) {
            front.add(panes.get(index).content().get());
        }
        for (int i = 0; i < paneHolders.size(); i++) {
            paneHolders.get(i).getElement().setAttribute("active", i == index);
        }
        switching = true;
        try {
            writeTabs.setSelectedTab(widePaneTabs.get(index));
            regionTabs.setSelectedTab(narrowPaneTabs.get(index));
        } finally {
            switching = false;
        }
        getElement().setAttribute("data-region", "write");
    }

    private void showRegion(String region) {
        getElement().setAttribute("data-region", region);
        switching = true;
        try {
            regionTabs.setSelectedTab(region.equals("run") ? runTab : seeTab);
        } finally {
            switching = false;
        }
    }

    /** The region a narrow screen shows now (run, see or write). */
    String region() {
        return getElement().getAttribute("data-region");
    }

    /** The key of the write pane in front. */
    String activePane() {
        for (int i = 0; i < paneHolders.size(); i++) {
            if (paneHolders.get(i).getElement().hasAttribute("active")) {
                return panes.get(i).key();
            }
        }
        return panes.getFirst().key();
    }
}
