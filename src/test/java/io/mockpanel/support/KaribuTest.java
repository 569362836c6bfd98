package io.mockpanel.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.security.core.Authentication;

/**
 * Base of the browserless UI tests: the real Spring context and database, Vaadin mocked by
 * Karibu. {@link #login} signs a user in for both Spring Security (service checks) and Vaadin's
 * navigation access control.
 */
@IntegrationTest
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        TestUsers.signOut();
        MockVaadin.tearDown();
    }

    /**
     * Karibu's own discovery skips package-private views, which is how our views are written, so
     * Spring's scanner (which sees them) finds the routes instead.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<Class<? extends Component>> views = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.mockpanel")) {
            views.add((Class<? extends Component>) ClassUtils.resolveClassName(
                    Objects.requireNonNull(candidate.getBeanClassName()), KaribuTest.class.getClassLoader()));
        }
        return new Routes(views, new HashSet<>(), true);
    }

    protected void login(String username, String... roles) {
        Authentication authentication = TestUsers.signIn(username, roles);
        Set<String> roleSet = Arrays.stream(roles).collect(Collectors.toSet());
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roleSet.contains(role));
    }

    protected void logout() {
        TestUsers.signOut();
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((principal, role) -> false);
    }
}
