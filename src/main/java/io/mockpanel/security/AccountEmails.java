package io.mockpanel.security;

import io.mockpanel.base.EmailAddresses;
import io.mockpanel.security.AccountException.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The rules of an account's own e-mail address (decision 0040): optional (blank means none),
 * checked like every mail address ({@link EmailAddresses}), and used by no other account in any
 * case. The unique index on {@code lower(email)} stops the race two admins could win together.
 */
@Component
class AccountEmails {

    private final UserAccountRepository accounts;

    AccountEmails(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * The address to store for the account (null: none), checked before anything is written.
     *
     * @param accountId the account it is for, or null for an account not created yet
     * @throws AccountException on the e-mail field, saying what is wrong
     */
    @Nullable String checked(@Nullable String typed, @Nullable Long accountId) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String address;
        try {
            address = EmailAddresses.checked(typed);
        } catch (EmailAddresses.InvalidException e) {
            throw new AccountException(Field.EMAIL, e.getMessage());
        }
        if (accounts.emailTaken(address, accountId)) {
            throw taken(address);
        }
        return address;
    }

    /**
     * Runs the write, so that a lost race on the addresses' unique index is the same clear refusal as
     * the check; any other failure stays what it is.
     */
    void write(Runnable write, @Nullable String address) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            if (address != null && UserAccountRepository.collidesOn(e, UserAccountRepository.EMAIL_KEY)) {
                throw taken(address);
            }
            throw e;
        }
    }

    private static AccountException taken(String address) {
        return new AccountException(Field.EMAIL, "The address " + address + " belongs to another account already; "
                + "each account needs its own.");
    }
}
