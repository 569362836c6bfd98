package io.mockpanel.panel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ScrollOptions;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.mockpanel.base.ui.Badge;
import io.mockpanel.panel.CandidateScreen;
import io.mockpanel.panel.SessionState;
import io.mockpanel.panel.TimerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link CandidateScreen}: the candidate's room and the panel's mirror of it use this one
 * renderer, so the mirror shows exactly what the candidate sees. Updates are incremental: a new
 * question is appended, a timer change touches only the countdown, and anything else redraws.
 * The review replays past moments with it too (named interface {@code views}).
 */
@org.springframework.modulith.NamedInterface("views")
public final class CandidateScreenView extends Div {

    /** Where the view is shown: the room's own page, or the console's mirror (smaller headings). */
    public enum Place {
        ROOM, MIRROR
    }

    final Countdown countdown = new Countdown();
    final Span timerLabel = new Span("Time left");
    private final Place place;
    private final @Nullable Component underScenario;
    private final Span newestBadge = Badge.of("Current", "success");
    private @Nullable CandidateScreen shown;
    private @Nullable OrderedList questionList;
    private @Nullable ListItem newest;
    /** The prompts of the last render; null until the first one (the page load, which announces nothing). */
    private @Nullable List<String> shownPrompts;

    /** {@code underScenario} (the room's clarification button) is placed under the scenario's content. */
    public CandidateScreenView(Place place, @Nullable Component underScenario) {
        this.place = place;
        this.underScenario = underScenario;
        addClassName("room-content");
        addClassName(place == Place.MIRROR ? "screen-mirror" : "screen-room");
        timerLabel.addClassName("room-timer-label");
    }

    /**
     * Brings the drawing up to date with {@code screen}; returns what a screen reader should hear
     * about prompts that appeared since the last call (nothing on the first call).
     */
    public Optional<String> show(CandidateScreen screen) {
        CandidateScreen before = shown;
        shown = screen;
        if (before != null && sameScreen(before, screen)) {
            if (screen.scenario() != null && !sameTimer(before.scenario(), screen.scenario())) {
                showTimer(screen.scenario().timer());
            }
            return Optional.empty();
        }
        if (before != null && onlyNewQuestions(before, screen)) {
            appendQuestions(before.scenario().questions().size(), screen.scenario());
            if (!sameTimer(before.scenario(), screen.scenario())) {
                showTimer(screen.scenario().timer());
            }
            return announcement(screen.scenario());
        }
        redraw(screen);
        return announcement(screen.scenario());
    }

    private void redraw(CandidateScreen screen) {
        removeAll();
        questionList = null;
        newest = null;
        CandidateScreen.Scenario scenario = screen.scenario();
        if (screen.state() == SessionState.SCHEDULED) {
            add(banner(place == Place.MIRROR ? "Waiting for the panel to start."
                    : "Welcome! The panel has not started yet. This page updates by itself when "
                            + "the first prompt arrives."));
        } else if (scenario == null) {
            add(banner(place == Place.MIRROR ? "Nothing pushed yet."
                    : "The session has started. The first prompt will appear here in a moment."));
        }
        if (scenario != null) {
            showScenario(scenario);
        }
    }

    private void showScenario(CandidateScreen.Scenario scenario) {
        HtmlContainer title = place == Place.MIRROR ? new H3(scenario.title()) : new H1(scenario.title());
        title.addClassName("room-title");
        var badges = new Div(Badge.of(scenario.level()), Badge.of(scenario.durationMinutes() + " min", "contrast"));
        badges.addClassName("badges");
        showTimer(scenario.timer());
        var timerBox = new Div(timerLabel, countdown);
        timerBox.addClassName("room-timer");
        var top = new Div(new Div(title, badges), timerBox);
        top.addClassName("room-top");
        add(top);
        if (scenario.situation() != null) {
            add(section("Situation", new Paragraph(scenario.situation())));
        }
        if (!scenario.keyChallenges().isEmpty()) {
            var list = new UnorderedList();
            scenario.keyChallenges().forEach(c -> list.add(new ListItem(c)));
            add(section("Key challenges", list));
        }
        if (underScenario != null) {
            add(underScenario);
        }
        appendQuestions(0, scenario);
    }

    /** Adds the questions from {@code from} on and moves the "current" mark to the last one. */
    private void appendQuestions(int from, CandidateScreen.Scenario scenario) {
        List<CandidateScreen.Question> questions = scenario.questions();
        if (from >= questions.size()) {
            return;
        }
        if (questionList == null) {
            questionList = new OrderedList();
            questionList.addClassName("room-questions");
            Section questionsSection = section("Questions", questionList);
            if (underScenario != null) {
                // Just above the clarification button.
                addComponentAtIndex(indexOf(underScenario), questionsSection);
            } else {
                add(questionsSection);
            }
        }
        if (newest != null) {
            newest.removeClassName("newest");
            newest.getElement().removeAttribute("aria-current");
            newestBadge.getElement().removeFromParent();
        }
        for (int i = from; i < questions.size(); i++) {
            CandidateScreen.Question q = questions.get(i);
            var area = new Span(q.area());
            area.addClassName("question-area");
            newest = new ListItem(area, new Paragraph(q.text()));
            questionList.add(newest);
        }
        newest.addClassName("newest");
        newest.add(newestBadge);
        newest.getElement().setAttribute("aria-current", "true");
        // On a phone (and in the mirror's pane) the list runs below the fold: the newest question
        // must be in view.
        newest.scrollIntoView(new ScrollOptions(ScrollOptions.Behavior.SMOOTH, ScrollOptions.Alignment.NEAREST,
                ScrollOptions.Alignment.NEAREST));
    }

    /** The countdown and a label that says plainly whether it runs. */
    private void showTimer(TimerState timer) {
        countdown.show(timer);
        boolean notStarted = !timer.running() && timer.elapsed().isZero();
        timerLabel.setText(timer.running() ? "Time left" : notStarted ? "Timer not started" : "Paused · time left");
        timerLabel.getElement().getClassList().set("paused", !timer.running());
    }

    private Optional<String> announcement(CandidateScreen.@Nullable Scenario scenario) {
        List<String> prompts = new ArrayList<>();
        if (scenario != null) {
            prompts.add("Scenario: " + scenario.title());
            if (scenario.situation() != null) {
                prompts.add("Situation: " + scenario.situation());
            }
            if (!scenario.keyChallenges().isEmpty()) {
                prompts.add("Key challenges were added.");
            }
            scenario.questions().forEach(q -> prompts.add("New question: " + q.text()));
        }
        List<String> before = shownPrompts;
        shownPrompts = prompts;
        if (before == null || prompts.equals(before) || prompts.isEmpty()) {
            return Optional.empty();
        }
        List<String> added = prompts.stream().filter(p -> !before.contains(p)).toList();
        return Optional.of(added.isEmpty() ? prompts.getLast() : String.join(" ", added));
    }

    private static boolean sameScreen(CandidateScreen a, CandidateScreen b) {
        return a.state() == b.state() && a.candidateName().equals(b.candidateName())
                && sameContent(a.scenario(), b.scenario())
                && (a.scenario() == null || a.scenario().questions().equals(b.scenario().questions()));
    }

    /** Same scenario, situation and challenges, same state, and the questions only grew at the end. */
    private static boolean onlyNewQuestions(CandidateScreen a, CandidateScreen b) {
        if (a.state() != b.state() || a.scenario() == null || !sameContent(a.scenario(), b.scenario())) {
            return false;
        }
        List<CandidateScreen.Question> old = a.scenario().questions();
        List<CandidateScreen.Question> now = b.scenario().questions();
        return now.size() > old.size() && now.subList(0, old.size()).equals(old);
    }

    private static boolean sameContent(CandidateScreen.@Nullable Scenario a, CandidateScreen.@Nullable Scenario b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.index() == b.index() && a.title().equals(b.title())
                && Objects.equals(a.situation(), b.situation()) && a.keyChallenges().equals(b.keyChallenges());
    }

    private static boolean sameTimer(CandidateScreen.@Nullable Scenario a, CandidateScreen.Scenario b) {
        return a != null && a.timer().allowed().equals(b.timer().allowed()) && a.timer().running() == b.timer().running()
                && (a.timer().running() || a.timer().elapsed().equals(b.timer().elapsed()));
    }

    private static Div banner(String text) {
        var banner = new Div(new Paragraph(text));
        banner.addClassName("room-banner");
        return banner;
    }

    private Section section(String heading, Component body) {
        var section = new Section(place == Place.MIRROR ? new H4(heading) : new H2(heading), body);
        section.addClassName("room-section");
        return section;
    }
}
