package io.mockpanel.base;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address anyone types: a plain address (no display-name syntax, no
 * groups, no IP literals, no whitespace or control characters) with a real domain name, within
 * RFC 5321's lengths. Shared by the mail feature (recipients) and accounts (their own address),
 * which must not depend on each other's code for it.
 */
public final class EmailAddresses {

    /** RFC 5321's limits: 254 characters for the whole address, 64 for the part before the @. */
    public static final int MAX_ADDRESS = 254;
    public static final int MAX_LOCAL_PART = 64;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private EmailAddresses() {
    }

    /** An address that cannot be used; the message says why and what is expected. */
    public static final class InvalidException extends IllegalArgumentException implements UserFacingException {

        InvalidException(String message) {
            super(message);
        }
    }

    /**
     * The address, stripped and with its domain in lower case.
     *
     * @throws InvalidException saying what is wrong with it
     */
    public static String checked(String address) {
        String value = address.strip();
        if (value.isEmpty()) {
            throw new InvalidException("Enter an e-mail address.");
        }
        if (value.length() > MAX_ADDRESS) {
            throw new InvalidException("An e-mail address has at most " + MAX_ADDRESS + " characters.");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidException("An e-mail address contains no spaces or line breaks.");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new InvalidException("An e-mail address looks like name@example.org.");
        }
        if (at > MAX_LOCAL_PART) {
            throw new InvalidException(
                    "The part before the @ of an e-mail address has at most " + MAX_LOCAL_PART + " characters.");
        }
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidException("The part after the @ must be a domain name such as example.org.");
        }
        String normalized = value.substring(0, at + 1) + domain;
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(normalized, true);
        } catch (AddressException e) {
            throw new InvalidException("This is not a valid e-mail address (like name@example.org).");
        }
        // "Name <a@b>" and groups parse too, but are not a plain address.
        if (!normalized.equals(parsed.getAddress()) || parsed.isGroup() || parsed.getPersonal() != null) {
            throw new InvalidException("Enter the address alone, like name@example.org.");
        }
        return normalized;
    }
}
