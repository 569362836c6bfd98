package io.mockpanel.mail;

/**
 * Present only in development, when mails go to the embedded SMTP server: says where to read them.
 * An interface of its own, so that nothing outside the development configuration touches GreenMail
 * (it is not in the production jar).
 */
interface DevelopmentMailbox {

    /** Where a developer reads the mails, for the log line of each sent mail. */
    String whereToRead();
}
