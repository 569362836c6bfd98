package io.mockpanel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mockpanel.base.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** The development run's SMTP server: only on the embedded database, and never instead of a configured server. */
class DevelopmentMailServerTest {

    private final int smtpPort = freePort();
    private final int imapPort = freePort();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DevelopmentMailServerAutoConfiguration.class))
            .withPropertyValues("mockpanel.mail.development-smtp-port=" + smtpPort,
                    "mockpanel.mail.development-imap-port=" + imapPort);

    @Test
    void on_the_embedded_database_mails_go_to_an_embedded_smtp_server_that_says_where_to_read_them() {
        runner.withBean(EmbeddedDatabase.class, () -> new EmbeddedDatabase(Path.of("data"), "jdbc:postgresql://x/y"))
                .run(context -> {
                    GreenMail server = context.getBean(GreenMail.class);
                    assertThat(server.getSmtp().getPort()).isEqualTo(smtpPort);
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom("mockpanel@localhost.localdomain");
                    message.setTo("alex@example.org");
                    message.setSubject("Hello");
                    message.setText("Hello");
                    context.getBean(JavaMailSender.class).send(message);

                    assertThat(server.getReceivedMessages()).hasSize(1);
                    assertThat(context.getBean(DevelopmentMailbox.class).whereToRead())
                            .contains("IMAP at 127.0.0.1:" + imapPort);
                });
    }

    @Test
    void when_another_run_holds_the_port_any_free_one_does() throws IOException {
        try (ServerSocket taken = new ServerSocket(smtpPort, 50, java.net.InetAddress.getLoopbackAddress())) {
            runner.withBean(EmbeddedDatabase.class, () -> new EmbeddedDatabase(Path.of("data"), "jdbc:postgresql://x/y"))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        GreenMail server = context.getBean(GreenMail.class);
                        assertThat(server.getSmtp().getPort()).isNotEqualTo(taken.getLocalPort()).isPositive();
                        assertThat(context.getBean(DevelopmentMailbox.class).whereToRead())
                                .contains(":" + server.getImap().getPort());
                    });
        }
    }

    @Test
    void a_configured_smtp_server_or_a_configured_database_means_no_embedded_one() {
        runner.withBean(EmbeddedDatabase.class, () -> new EmbeddedDatabase(Path.of("data"), "jdbc:postgresql://x/y"))
                .withPropertyValues("spring.mail.host=smtp.example.org")
                .run(context -> assertThat(context).doesNotHaveBean(GreenMail.class).doesNotHaveBean(JavaMailSender.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(GreenMail.class));
        runner.withBean(EmbeddedDatabase.class, () -> new EmbeddedDatabase(Path.of("data"), "jdbc:postgresql://x/y"))
                .withPropertyValues("mockpanel.mail.development-server=false")
                .run(context -> assertThat(context).doesNotHaveBean(GreenMail.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
