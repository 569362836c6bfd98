package io.mockpanel.scenario;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A stored guidance list (for example the STAR "Response Framework"). */
@Entity
@Table(name = "guidance_list")
class GuidanceListRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 300)
    private String section;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false)
    private int position;

    @ElementCollection
    @CollectionTable(name = "guidance_item", joinColumns = @JoinColumn(name = "list_id"))
    @OrderColumn(name = "position")
    private List<Item> items = new ArrayList<>();

    @SuppressWarnings("NullAway.Init")
    protected GuidanceListRow() {
        // for JPA
    }

    GuidanceListRow(GuidanceList list, int position) {
        this.position = position;
        setContent(list);
    }

    void setContent(GuidanceList list) {
        section = list.section();
        title = list.title();
        items.clear();
        list.items().forEach(item -> items.add(new Item(item.label(), item.text())));
    }

    GuidanceList toGuidanceList() {
        return new GuidanceList(section, title, items.stream().map(i -> new GuidanceItem(i.label, i.text)).toList());
    }

    @Embeddable
    static class Item {

        @Column(nullable = false, length = 300)
        private String label;

        @Column(nullable = false, columnDefinition = "text")
        private String text;

        @SuppressWarnings("NullAway.Init")
        protected Item() {
            // for JPA
        }

        Item(String label, String text) {
            this.label = label;
            this.text = text;
        }
    }
}
