package io.mockpanel.mail;

import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * For tests outside this package (the real-browser ones): runs the outbox's sending job once,
 * against an SMTP server of the test's (the suite's context has no {@code spring.mail.host}, so
 * the scheduled job itself never sends there).
 */
public final class OutboxDriver {

    private OutboxDriver() {
    }

    /** Sends every due mail to the SMTP server at 127.0.0.1:{@code port}; returns how many it accepted. */
    public static int sendDue(ApplicationContext context, int port) {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(port);
        return context.getBean(OutboxSender.class).sendDue(mailSender, Clock.systemUTC());
    }
}
