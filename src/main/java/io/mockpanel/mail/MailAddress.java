package io.mockpanel.mail;

import io.mockpanel.base.EmailAddresses;
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

    static final int MAX_NAME = 100;

    public MailAddress {
        address = checked(address);
        name = HeaderText.clean(name, MAX_NAME);
    }

    /** Checks an address someone typed, with an optional display name. */
    public static MailAddress of(@Nullable String address, @Nullable String name) {
        return new MailAddress(address == null ? "" : address, name == null ? "" : name);
    }

    /** The shared rule ({@link EmailAddresses}), its refusal in this feature's exception. */
    private static String checked(String address) {
        try {
            return EmailAddresses.checked(address);
        } catch (EmailAddresses.InvalidException e) {
            throw new InvalidMailAddressException(e.getMessage());
        }
    }
}
