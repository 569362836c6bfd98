package io.mockpanel.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application context, served on a random port, and a real PostgreSQL.
 * Every integration, UI and browser test uses exactly this configuration, so the whole suite
 * shares one context: one database start, and one Spring Security context holder strategy (a
 * second context would install its own, and tests signing users in would write to the wrong one).
 * Passwords are hashed at a lower bcrypt cost ({@link FastPasswordHashing}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestDatabaseConfiguration.class, FastPasswordHashing.class})
public @interface IntegrationTest {
}
