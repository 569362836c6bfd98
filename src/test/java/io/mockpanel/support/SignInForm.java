package io.mockpanel.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sign-in form posts besides the username and password: the CSRF token, read from the
 * sign-in page's meta tags as {@code vaadin-login-form} reads it.
 */
public record SignInForm(String csrfParameter, String csrfToken) {

    private static final Pattern META_CSRF = Pattern.compile("<meta\\s+name=\"_csrf\"\\s+content=\"([^\"]+)\"");
    private static final Pattern META_CSRF_PARAMETER =
            Pattern.compile("<meta\\s+name=\"_csrf_parameter\"\\s+content=\"([^\"]+)\"");

    /** Reads the token from the sign-in page's HTML; fails clearly when the page carries none. */
    public static SignInForm of(String signInPageHtml) {
        return new SignInForm(first(META_CSRF_PARAMETER, signInPageHtml), first(META_CSRF, signInPageHtml));
    }

    private static String first(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("the sign-in page has no " + pattern.pattern());
        }
        return matcher.group(1);
    }
}
