package io.mockpanel.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mockpanel.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Security headers, the session cookie's attributes and the trusted proxy's headers, over real HTTP. */
@IntegrationTest
class WebHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_page_has_the_content_security_policy_nosniff_and_no_referrer() {
        for (String path : List.of("/login", "/join/not-a-real-token")) {
            HttpResponse<String> page = new Browserless(port).get(path);

            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void the_join_page_whose_url_holds_the_invite_token_is_never_stored_or_referred() {
        HttpResponse<String> join = new Browserless(port).get("/join/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");

        assertThat(join.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
        assertThat(join.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void the_session_cookie_is_same_site_lax_http_only_and_not_secure_over_plain_http() {
        String cookie = sessionCookie(new Browserless(port).get("/login"));

        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");
    }

    @Test
    void behind_a_proxy_that_says_https_the_session_cookie_is_secure() {
        String cookie = sessionCookie(new Browserless(port).get("/login", "X-Forwarded-Proto", "https"));

        assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void the_throttle_counts_the_client_address_the_trusted_loopback_proxy_forwards() {
        String client = "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        var browser = new Browserless(port);
        var form = new LinkedHashMap<>(browser.csrfFieldOfLoginPage());
        form.put("username", Unique.username("nobody"));
        form.put("password", "wrong-password-1");

        browser.post("/login", form, "X-Forwarded-For", client);

        long counted = jdbc.sql("select count(*) from login_throttle where scope = 'address' and address = ? and failures = 1")
                .param(client).query(Long.class).single();
        assertThat(counted).isEqualTo(1);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }
}
