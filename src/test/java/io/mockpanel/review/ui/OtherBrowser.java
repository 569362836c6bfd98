package io.mockpanel.review.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import io.mockpanel.support.TestUsers;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import com.vaadin.flow.router.Route;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * A second browser: its own Karibu UI and Vaadin session on a thread of its own (Karibu keeps the
 * current UI, session and signed-in user per thread), where everything it does runs. As the one in
 * {@code QueriesPerEventTest}, for a second person's console.
 */
final class OtherBrowser implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "other-browser"));
    private boolean open;

    /** Opens a UI on the other thread that knows every route of the application (as KaribuTest's). */
    @SuppressWarnings("unchecked")
    void open(ApplicationContext context) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        java.util.Set<Class<? extends Component>> views = new java.util.HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.mockpanel")) {
            views.add((Class<? extends Component>) ClassUtils.resolveClassName(
                    java.util.Objects.requireNonNull(candidate.getBeanClassName()), getClass().getClassLoader()));
        }
        run(() -> {
            MockVaadin.setup(UI::new, new MockSpringServlet(new Routes(views, new java.util.HashSet<>(), true),
                    context, UI::new));
            open = true;
            return null;
        });
    }

    <T> T run(Callable<T> action) {
        try {
            return thread.submit(action).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (open) {
                run(() -> {
                    ReviewUiSupport.closeView();
                    TestUsers.signOut();
                    MockVaadin.tearDown();
                    return null;
                });
            }
        } finally {
            thread.shutdownNow();
        }
    }
}
