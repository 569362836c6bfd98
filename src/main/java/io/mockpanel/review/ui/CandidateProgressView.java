package io.mockpanel.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.QuickTag;
import io.mockpanel.review.CandidateProgress;
import io.mockpanel.review.CandidateService;
import io.mockpanel.review.CandidateSession;
import io.mockpanel.review.ReviewException;
import io.mockpanel.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * One candidate's development across their sessions, for coaches and admins: scores per
 * competency and overall over time, a quick tag's frequency over time, the scenarios done and not
 * yet done, and their sessions; a duplicate record of the same person can be merged in here.
 */
@Route("candidates/:candidateId")
@RolesAllowed({AppRoles.COACH, AppRoles.ADMIN})
class CandidateProgressView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID_PARAMETER = "candidateId";
    /** Where a session opens; the review page of issue 8 replaces the console's route here. */
    static final String SESSION_LINK = "sessions/%d/review";

    private final CandidateService candidates;
    private String title = "Candidate";

    CandidateProgressView(CandidateService candidates) {
        this.candidates = candidates;
        addClassName("progress-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().get(ID_PARAMETER).flatMap(CandidateProgressView::parseId).orElse(-1L);
        removeAll();
        try {
            show(candidates.progress(id));
        } catch (ReviewException gone) {
            title = "Candidate";
            var missing = new Paragraph(gone.getMessage());
            missing.addClassName("empty-state");
            missing.setId("progress-missing");
            add(missing, new Anchor("candidates", "All candidates"));
        }
    }

    private void show(CandidateProgress progress) {
        var candidate = progress.candidate();
        title = candidate.displayName() + " · Candidate";
        var name = new H2(candidate.displayName());
        var meta = new Span(candidate.anonymised() ? "Anonymised"
                : candidate.addresses().isEmpty() ? "No e-mail address" : String.join(", ", candidate.addresses()));
        meta.addClassName("progress-meta");
        var header = new Div(name, meta);
        header.addClassName("progress-header");
        if (!candidate.anonymised()) {
            var merge = new Button("Merge a duplicate…", VaadinIcon.COMPRESS_SQUARE.create(),
                    e -> new MergeDialog(candidates, candidate, merged -> show(candidates.progress(merged.id()))).open());
            merge.setId("merge");
            header.add(merge);
        }
        removeAll();
        add(header);
        if (progress.sessions().isEmpty()) {
            var none = new Paragraph(candidate.displayName() + " has had no session yet. Progress shows here once a "
                    + "session took place and the lead revealed the panel's scores.");
            none.addClassName("empty-state");
            none.setId("progress-empty");
            add(none);
        } else {
            add(scores(progress), tags(progress));
        }
        add(scenarios(progress), sessions(candidates.sessions(candidate.id())));
    }

    private Section scores(CandidateProgress progress) {
        var section = section("Scores over time");
        if (!progress.hasScores()) {
            section.add(empty("progress-no-scores", "No scores yet: a session's scores count here once the lead "
                    + "revealed them."));
            return section;
        }
        var data = ProgressCharts.scores(progress);
        var card = new ChartCard("score-chart", SvgChart.line("score-chart", data, new SvgChart.Axis(1, 4, 1)), data,
                ProgressCharts.rowLabels(progress), ProgressCharts::score);
        var how = new Paragraph("Each point is one session on the 1\u20134 scale: per discussion area the panel's "
                + "consensus where the lead recorded one, otherwise the mean of the submitted scores; areas are "
                + "grouped into competencies, and Overall is the mean of all areas.");
        how.addClassName("chart-note");
        var groups = new UnorderedList();
        progress.groupAreas().forEach((group, titles) ->
                groups.add(new ListItem(group + ": " + String.join(", ", titles))));
        var details = new Details("Which areas make up each line", groups);
        details.addClassName("chart-groups");
        section.add(card, how, details);
        return section;
    }

    private Section tags(CandidateProgress progress) {
        var section = section("Quick tags over time");
        List<QuickTag> used = progress.tagsUsed();
        if (used.isEmpty()) {
            section.add(empty("progress-no-tags", "The panel added no quick tags in these sessions."));
            return section;
        }
        var pick = new Select<QuickTag>();
        pick.setId("tag-pick");
        pick.setLabel("Tag");
        pick.setItems(used);
        pick.setItemLabelGenerator(QuickTag::label);
        var holder = new Div();
        pick.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                var data = ProgressCharts.tag(progress, e.getValue());
                holder.removeAll();
                holder.add(new ChartCard("tag-chart", SvgChart.bars("tag-chart", data), data,
                        ProgressCharts.rowLabels(progress), v -> String.valueOf((int) v)));
            }
        });
        pick.setValue(ProgressCharts.defaultTag(used));
        section.add(pick, holder);
        return section;
    }

    private Section scenarios(CandidateProgress progress) {
        var section = section("Scenarios");
        var done = new UnorderedList();
        done.setId("scenarios-done");
        progress.done().forEach(s -> {
            var item = new ListItem(s.title() + (s.times() > 1 ? " (" + s.times() + " times)" : ""));
            if (s.libraryId() == null) {
                item.add(Badge.of("No longer in the library", "contrast"));
            }
            done.add(item);
        });
        var todo = new UnorderedList();
        todo.setId("scenarios-todo");
        progress.notDone().forEach(s -> todo.add(new ListItem(s.title() + " · " + s.category())));
        var columns = new Div(column("Done (" + progress.done().size() + ")", done.getChildren().findAny().isPresent()
                        ? done : empty("scenarios-done-empty", "None yet.")),
                column("Not yet done (" + progress.notDone().size() + ")", todo.getChildren().findAny().isPresent()
                        ? todo : empty("scenarios-todo-empty", "Every scenario of the library is done.")));
        columns.addClassName("scenario-columns");
        section.add(columns);
        return section;
    }

    private Section sessions(List<CandidateSession> sessions) {
        var section = section("Sessions");
        var list = new UnorderedList();
        list.setId("candidate-sessions");
        sessions.forEach(s -> list.add(new ListItem(new Anchor(SESSION_LINK.formatted(s.id()), s.title()),
                new Span(" · " + CandidatesView.DAY.format(s.at()) + " · " + s.state().label()))));
        section.add(sessions.isEmpty() ? empty("sessions-empty", "No sessions.") : list);
        return section;
    }

    private static Div column(String heading, Component content) {
        var column = new Div(new H3(heading), content);
        column.addClassName("scenario-column");
        return column;
    }

    private static Section section(String heading) {
        var section = new Section(new H3(heading));
        section.addClassName("progress-section");
        return section;
    }

    private static Paragraph empty(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        p.addClassName("empty-state");
        return p;
    }

    private static java.util.Optional<Long> parseId(String raw) {
        try {
            return java.util.Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException notANumber) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

}
