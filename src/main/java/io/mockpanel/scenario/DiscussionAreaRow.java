package io.mockpanel.scenario;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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

/** One discussion area row of a scenario, with its questions in order. */
@Entity
@Table(name = "discussion_area")
class DiscussionAreaRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 300)
    private String title;

    @ElementCollection
    @CollectionTable(name = "discussion_question", joinColumns = @JoinColumn(name = "area_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false, columnDefinition = "text")
    private List<String> questions = new ArrayList<>();

    @SuppressWarnings("NullAway.Init")
    protected DiscussionAreaRow() {
        // for JPA
    }

    DiscussionAreaRow(int position, DiscussionArea area) {
        this.position = position;
        this.title = area.title();
        this.questions.addAll(area.questions());
    }

    DiscussionArea toArea() {
        return new DiscussionArea(title, List.copyOf(questions));
    }
}
