package io.mockpanel.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mockpanel.base.EmbeddedDatabase;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * On the embedded development database, and only when no SMTP server is configured, mails go to
 * an embedded GreenMail server on this machine: nothing leaves it, and a developer reads every
 * mail with any mail client over IMAP. GreenMail is an optional dependency, not in the production
 * jar, so there this configuration never applies (like the embedded database, decision 0038).
 */
@AutoConfiguration(afterName = "io.mockpanel.base.database.EmbeddedDatabaseAutoConfiguration",
        beforeName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@ConditionalOnBean(EmbeddedDatabase.class)
@ConditionalOnBooleanProperty(name = "mockpanel.mail.development-server", matchIfMissing = true)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DevelopmentMailServerAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMailServerAutoConfiguration.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Bean(destroyMethod = "stop")
    GreenMail developmentGreenMail(Environment environment) {
        int smtp = environment.getProperty("mockpanel.mail.development-smtp-port", Integer.class, 3025);
        int imap = environment.getProperty("mockpanel.mail.development-imap-port", Integer.class, 3143);
        ServerSetup[] setup = {new ServerSetup(smtp, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imap, LOOPBACK, ServerSetup.PROTOCOL_IMAP)};
        GreenMail server = new GreenMail(setup);
        try {
            server.start();
        } catch (RuntimeException e) {
            // Another development run holds the ports: any free ones do, the log says which.
            server.stop();
            server = new GreenMail(ServerSetup.dynamicPort(setup));
            server.start();
        }
        log.info("Development mail: an embedded SMTP server (GreenMail) on {}:{} receives every mail, none leaves "
                + "this machine; read them with a mail client over IMAP at {}:{} (user name and password: the "
                + "recipient's address)", LOOPBACK, server.getSmtp().getPort(), LOOPBACK, server.getImap().getPort());
        return server;
    }

    @Bean
    JavaMailSender developmentMailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(LOOPBACK);
        sender.setPort(server.getSmtp().getPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "10000");
        return sender;
    }

    @Bean
    DevelopmentMailbox developmentMailbox(GreenMail server) {
        String where = "read it over IMAP at " + LOOPBACK + ":" + server.getImap().getPort()
                + " (user name and password: the recipient's address)";
        return () -> where;
    }
}
