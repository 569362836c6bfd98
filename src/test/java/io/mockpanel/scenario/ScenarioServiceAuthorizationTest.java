package io.mockpanel.scenario;

import static io.mockpanel.scenario.LibraryFiles.oneScenario;
import static io.mockpanel.scenario.LibraryFiles.rowsTitled;
import static io.mockpanel.scenario.LibraryFiles.unique;
import static io.mockpanel.scenario.LibraryFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mockpanel.support.IntegrationTest;
import io.mockpanel.support.TestUsers;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * ScenarioService is the library's security boundary: every public method is checked here for
 * who is refused and who gets through. A refused import must also leave the library untouched.
 */
@IntegrationTest
class ScenarioServiceAuthorizationTest {

    /** A call of one public method; the title it would import, if it imports. */
    record Call(String method, String importsTitle, ServiceCall call) {
        @Override
        public String toString() {
            return method;
        }
    }

    @FunctionalInterface
    interface ServiceCall {
        void on(ScenarioService service) throws Exception;
    }

    @Autowired
    ScenarioService service;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    /** One call of every public method of ScenarioService except the candidates' one, tested apart. */
    static Stream<Named<Call>> everyPublicMethod() {
        String previewTitle = unique("Denied preview");
        String importTitle = unique("Denied import");
        byte[] previewFile = utf8(oneScenario(previewTitle, "Should never be read."));
        byte[] importFile = utf8(oneScenario(importTitle, "Should never be saved."));
        return Stream.of(
                new Call("search", "", s -> s.search(ScenarioFilter.ALL)),
                new Call("categories", "", ScenarioService::categories),
                new Call("levels", "", ScenarioService::levels),
                new Call("find", "", s -> s.find(1)),
                new Call("guidance", "", ScenarioService::guidance),
                new Call("preview", previewTitle, s -> s.preview(previewFile)),
                new Call("importLibrary", importTitle, s -> s.importLibrary(importFile, "denied.md")),
                new Call("exportLibrary", "", ScenarioService::exportLibrary),
                new Call("exportScenario", "", s -> s.exportScenario(1)))
                .map(call -> Named.of(call.method(), call));
    }

    private void assertNothingImported(Call call) {
        if (!call.importsTitle().isEmpty()) {
            assertThat(rowsTitled(jdbc, call.importsTitle())).isZero();
        }
    }

    @Test
    void the_tests_below_call_every_public_method_of_the_service() {
        Set<String> publicMethods = Arrays.stream(ScenarioService.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toSet());
        Set<String> called = everyPublicMethod().map(named -> named.getPayload().method()).collect(Collectors.toSet());
        called.add("responseFramework");
        assertThat(called).isEqualTo(publicMethods);
    }

    @Test
    void the_star_framework_is_the_only_part_of_the_library_a_candidate_may_read() {
        TestUsers.signIn("candidate", "CANDIDATE");
        assertThat(service.responseFramework()).hasValueSatisfying(star -> assertThat(star.items())
                .extracting(GuidanceItem::label).containsExactly("Situation", "Task", "Action", "Result"));
        TestUsers.signIn("coach", "COACH");
        assertThat(service.responseFramework()).isPresent();
        TestUsers.signIn("nobody");
        assertThatThrownBy(() -> service.responseFramework()).isInstanceOf(AccessDeniedException.class);
        TestUsers.signOut();
        assertThatThrownBy(() -> service.responseFramework())
                .isInstanceOfAny(AuthenticationException.class, AccessDeniedException.class);
    }

    @ParameterizedTest
    @MethodSource("everyPublicMethod")
    void a_candidate_is_refused(Call call) {
        TestUsers.signIn("candidate", "CANDIDATE");
        assertThatThrownBy(() -> call.call().on(service)).isInstanceOf(AccessDeniedException.class);
        assertNothingImported(call);
    }

    @ParameterizedTest
    @MethodSource("everyPublicMethod")
    void an_anonymous_visitor_is_refused(Call call) {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(() -> call.call().on(service)).isInstanceOf(AccessDeniedException.class);
        assertNothingImported(call);
    }

    @ParameterizedTest
    @MethodSource("everyPublicMethod")
    void a_call_without_any_authentication_is_refused(Call call) {
        TestUsers.signOut();
        assertThatThrownBy(() -> call.call().on(service))
                .isInstanceOfAny(AuthenticationException.class, AccessDeniedException.class);
        assertNothingImported(call);
    }

    @ParameterizedTest
    @MethodSource("everyPublicMethod")
    void a_user_with_no_role_is_refused(Call call) {
        TestUsers.signIn("nobody");
        assertThatThrownBy(() -> call.call().on(service)).isInstanceOf(AccessDeniedException.class);
        assertNothingImported(call);
    }

    @Test
    void a_coach_may_not_preview_or_import() {
        TestUsers.signIn("coach", "COACH");
        String title = unique("Coach import");
        byte[] file = utf8(oneScenario(title, "Coaches only read."));

        assertThatThrownBy(() -> service.preview(file)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.importLibrary(file, "coach.md")).isInstanceOf(AccessDeniedException.class);
        assertThat(rowsTitled(jdbc, title)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"COACH", "INTERVIEWER", "ADMIN"})
    void every_account_role_may_read_the_library(String role) {
        TestUsers.signIn("reader", role);

        List<ScenarioSummary> library = service.search(ScenarioFilter.ALL);
        assertThat(library).extracting(ScenarioSummary::title).containsAll(LibraryFiles.SEED_TITLES);
        long id = library.getFirst().id();
        assertThat(service.find(id)).isPresent();
        assertThat(service.categories()).contains("🎯 Executive Leadership Scenarios");
        assertThat(service.levels()).contains("CTO/VP Engineering");
        assertThat(service.guidance()).extracting(GuidanceList::title).contains("Response Framework");
        assertThat(service.exportLibrary()).contains("### Scenario 1: Technology Transformation Leadership");
        assertThat(service.exportScenario(id)).hasValueSatisfying(text -> assertThat(text).contains(
                library.getFirst().title()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERVIEWER", "ADMIN"})
    void interviewers_and_admins_may_preview_and_import(String role) throws Exception {
        TestUsers.signIn("importer-" + role.toLowerCase(), role);
        String title = unique("Allowed import");
        byte[] file = utf8(oneScenario(title, "Allowed."));

        assertThat(service.preview(file).count(ImportChange.NEW)).isEqualTo(1);
        assertThat(service.importLibrary(file, "allowed.md").added()).isEqualTo(1);
        assertThat(rowsTitled(jdbc, title)).isEqualTo(1);
    }
}
