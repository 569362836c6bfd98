package io.mockpanel.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A checked recipient or sender: a plain address (no display-name syntax, no groups, no IP
 * literals, no control characters) and a display name that is one clean line. Every instance is
 * checked: the constructor refuses what is not an address and cleans the name.
 *
 * @param address the address, its domain in lower case
 * @param name    the display name, possibly empty
 * @throws InvalidMailAddressException saying what is wrong with the address
 */
public record MailAddress(String address, String name) {

    /** RFC 5321's limits: 254 characters for the whole address, 64 for the part before the @. */
    static final int MAX_ADDRESS = 254;
    static final int MAX_LOCAL_PART = 64;
    static final int MAX_NAME = 100;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public MailAddress {
        address = checked(address);
        name = HeaderText.clean(name, MAX_NAME);
    }

    /** Checks an address someone typed, with an optional display name. */
    public static MailAddress of(@Nullable String address, @Nullable String name) {
        return new MailAddress(address == null ? "" : address, name == null ? "" : name);
    }

    private static String checked(String address) {
        String value = address.strip();
        if (value.isEmpty()) {
            throw new InvalidMailAddressException("Enter an e-mail address.");
        }
        if (value.length() > MAX_ADDRESS) {
            throw new InvalidMailAddressException("An e-mail address has at most " + MAX_ADDRESS + " characters.");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidMailAddressException("An e-mail address contains no spaces or line breaks.");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new InvalidMailAddressException("An e-mail address looks like name@example.org.");
        }
        if (at > MAX_LOCAL_PART) {
            throw new InvalidMailAddressException(
                    "The part before the @ of an e-mail address has at most " + MAX_LOCAL_PART + " characters.");
        }
        String domain = value.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidMailAddressException("The part after the @ must be a domain name such as example.org.");
        }
        String normalized = value.substring(0, at + 1) + domain;
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(normalized, true);
        } catch (AddressException e) {
            throw new InvalidMailAddressException("This is not a valid e-mail address (like name@example.org).");
        }
        // "Name <a@b>" and groups parse too, but are not a plain address.
        if (!normalized.equals(parsed.getAddress()) || parsed.isGroup() || parsed.getPersonal() != null) {
            throw new InvalidMailAddressException("Enter the address alone, like name@example.org.");
        }
        return normalized;
    }
}
