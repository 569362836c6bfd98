package io.mockpanel.scenario.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.mockpanel.scenario.FormatProblem;
import java.util.List;

/**
 * Why a file was not imported: one sentence for a single problem, else a list of every problem
 * with its line (the first {@value #SHOWN}, then how many more), so the writer can fix them all
 * before uploading again.
 */
final class ImportProblems extends Div {

    static final int SHOWN = 20;

    ImportProblems(String lead, List<FormatProblem> problems) {
        addClassName("import-error");
        setId("import-error");
        getElement().setAttribute("role", "alert");
        add(VaadinIcon.WARNING.create());
        if (problems.size() <= 1) {
            add(new Span(problems.isEmpty() ? lead : lead + " " + problems.getFirst().text()));
            return;
        }
        var intro = new Span(lead + " The file has " + problems.size() + " problems; fix them all, then upload"
                + " it again:");
        var list = new UnorderedList();
        list.setId("import-problems");
        list.addClassName("import-problems");
        problems.stream().limit(SHOWN).forEach(problem -> list.add(new ListItem(problem.text())));
        if (problems.size() > SHOWN) {
            var more = new ListItem("… and " + (problems.size() - SHOWN) + " more.");
            more.addClassName("import-problems-more");
            list.add(more);
        }
        add(new Div(intro, list));
    }

    /** A refusal that is not about the file's content (its size, its encoding). */
    static ImportProblems of(String message) {
        return new ImportProblems(message, List.of());
    }
}
