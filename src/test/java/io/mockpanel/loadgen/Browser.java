package io.mockpanel.loadgen;

import io.mockpanel.support.SignInForm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated person's browser: its own cookies (the session cookie, and a load balancer's
 * sticky cookie) over a shared {@link HttpClient}, so a thousand people need not a thousand
 * clients with a selector thread each. Redirects are followed by hand, keeping the cookies of
 * each answer, as a browser does.
 *
 * <p>Each browser comes from its own address ({@code X-Forwarded-For} from 198.18.0.0/15, the
 * range RFC 2544 sets aside for benchmarks), as people do: the node trusts forwarded addresses
 * from loopback (Tomcat's RemoteIpValve), so its per-address limits — the sign-in throttle
 * above all, which counts a sign-in in flight until its password checks out — see a thousand
 * people, not one address signing in hundreds of times a minute.
 */
final class Browser {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    final HttpClient http;
    final URI base;
    /** Where this browser's requests come from, as the node sees them. */
    final String address;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** The node that answered last, when a local load balancer names it ({@code X-Mockpanel-Node}). */
    volatile String node = "";

    Browser(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
        int n = ADDRESSES.getAndIncrement() % (2 * 256 * 256 - 2) + 1;
        this.address = "198." + (18 + n / 65_536) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    /** A page (HTML) at {@code path}, following redirects; the final answer. */
    Page get(String path) throws IOException, InterruptedException {
        URI uri = base.resolve(path);
        for (int hops = 0; hops < 5; hops++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET()
                    .header("Accept", "text/html"), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return new Page(uri, response.statusCode(), response.body());
            }
            uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        throw new IOException("too many redirects from " + path);
    }

    /**
     * Signs in through the sign-in form, as {@code vaadin-login-form} posts it: the page's CSRF
     * token from its meta tag, then a form POST; true when the answer is not the sign-in error.
     */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        Page login = get("login");
        SignInForm csrf = SignInForm.of(login.body());
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&"
                + encode(csrf.csrfParameter()) + "=" + encode(csrf.csrfToken());
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        return answer.statusCode() == 302 && !location.contains("error");
    }

    /** Sends with this browser's cookies and keeps the cookies the answer sets. */
    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        String cookieHeader = cookieHeader();
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        request.header("X-Forwarded-For", address);
        HttpResponse<T> response = http.send(request.timeout(TIMEOUT).build(), body);
        keepCookies(response);
        response.headers().firstValue("X-Mockpanel-Node").ifPresent(name -> node = name);
        return response;
    }

    synchronized String cookieHeader() {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=')
                .append(value));
        return header.toString();
    }

    private synchronized void keepCookies(HttpResponse<?> response) {
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                boolean expired = setCookie.toLowerCase().contains("max-age=0");
                if (expired || value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page's final address, status and HTML. */
    record Page(URI uri, int status, String body) {
    }
}
