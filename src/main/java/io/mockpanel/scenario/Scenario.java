package io.mockpanel.scenario;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A scenario row with its challenges and discussion areas; only this package sees it. */
@Entity
@Table(name = "scenario")
class Scenario {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = 200)
    private String category;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 200)
    private String level;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(length = 200)
    private @Nullable String company;

    @Column(nullable = false, columnDefinition = "text")
    private String situation;

    @ElementCollection
    @CollectionTable(name = "scenario_challenge", joinColumns = @JoinColumn(name = "scenario_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false, columnDefinition = "text")
    private List<String> keyChallenges = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "scenario_id", nullable = false)
    @OrderBy("position")
    private List<DiscussionAreaRow> areas = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected Scenario() {
        // for JPA
    }

    Scenario(ScenarioContent content, Instant now) {
        this.createdAt = now;
        setContent(content, now);
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("scenario not saved yet");
        }
        return id;
    }

    void setContent(ScenarioContent content, Instant now) {
        category = content.category();
        title = content.title();
        level = content.level();
        durationMinutes = content.durationMinutes();
        company = content.company();
        situation = content.situation();
        keyChallenges.clear();
        keyChallenges.addAll(content.keyChallenges());
        areas.clear();
        for (int i = 0; i < content.discussionAreas().size(); i++) {
            areas.add(new DiscussionAreaRow(i, content.discussionAreas().get(i)));
        }
        updatedAt = now;
    }

    ScenarioContent toContent() {
        return new ScenarioContent(category, title, level, durationMinutes, company, situation,
                List.copyOf(keyChallenges), areas.stream().map(DiscussionAreaRow::toArea).toList());
    }
}
