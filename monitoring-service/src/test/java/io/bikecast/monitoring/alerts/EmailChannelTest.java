package io.bikecast.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.monitoring.support.SettingsDefaults;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The email channel's settings and its failures, without a server: off by default, refused at startup when half
 * configured, and its errors told without the SMTP credentials however the server or JavaMail echo them.
 */
class EmailChannelTest {

    private static final String USER = "alerts@bikecast.test";
    private static final String PASSWORD = "hunter2-smtp-Secret";

    @Test
    void emailIsOffByDefaultWithTheDocumentedPrefix() {
        AlertProperties.Email email = SettingsDefaults.of(AlertProperties.class).email();
        assertThat(email.to()).isEmpty();
        assertThat(email.enabled()).isFalse();
        assertThat(email.from()).isNull();
        assertThat(email.subjectPrefix()).isEqualTo("[bikecast]");
    }

    @Test
    void recipientsAreACommaSeparatedListAndBlanksAreNone() {
        assertThat(bind(Map.of("bikecast.monitoring.alerts.email.to", " a@x.test, b@x.test ,"))
                        .email()
                        .to())
                .containsExactly("a@x.test", "b@x.test");
        assertThat(bind(Map.of("bikecast.monitoring.alerts.email.to", ""))
                        .email()
                        .enabled())
                .isFalse();
    }

    @Test
    void recipientsWithoutAMailServerOrASenderAreRefusedAtStartup() {
        DefaultListableBeanFactory none = new DefaultListableBeanFactory();
        assertThatThrownBy(() -> new EmailSender(
                        bind(Map.of(
                                "bikecast.monitoring.alerts.email.to", USER,
                                "bikecast.monitoring.alerts.email.from", USER)),
                        none.getBeanProvider(JavaMailSender.class)))
                .hasMessageContaining("spring.mail.host");

        DefaultListableBeanFactory blank = new DefaultListableBeanFactory();
        blank.registerSingleton("mail", new JavaMailSenderImpl());
        assertThatThrownBy(() -> new EmailSender(
                        bind(Map.of(
                                "bikecast.monitoring.alerts.email.to", USER,
                                "bikecast.monitoring.alerts.email.from", USER)),
                        blank.getBeanProvider(JavaMailSender.class)))
                .as("an empty spring.mail.host")
                .hasMessageContaining("spring.mail.host");

        DefaultListableBeanFactory server = new DefaultListableBeanFactory();
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("smtp.example.org");
        server.registerSingleton("mail", smtp);
        assertThatThrownBy(() -> new EmailSender(
                        bind(Map.of("bikecast.monitoring.alerts.email.to", USER)),
                        server.getBeanProvider(JavaMailSender.class)))
                .hasMessageContaining("bikecast.monitoring.alerts.email.from");
        assertThat(new EmailSender(bind(Map.of()), none.getBeanProvider(JavaMailSender.class)).enabled())
                .isFalse();
    }

    @Test
    void aRefusedConnectionIsToldByItsRootCause() {
        MailSendException refused = new MailSendException(
                "Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
        assertThat(EmailFailure.of(refused, USER, PASSWORD).getMessage())
                .isEqualTo("could not deliver by email: ConnectException: Connection refused");
    }

    @Test
    void credentialsEchoedByTheServerAreRedactedPlainAndAsAuthSendsThem() {
        String plain = base64("\0" + USER + "\0" + PASSWORD);
        String login = base64(PASSWORD);
        MailAuthenticationException rejected = new MailAuthenticationException(new AuthenticationFailedException(
                "535 5.7.8 rejected AUTH PLAIN " + plain + " and LOGIN " + base64(USER) + " " + login + " for " + USER
                        + ":" + PASSWORD + " at smtp://" + USER + ":" + PASSWORD + "@mail.example:587\n"));
        EmailFailure failure = EmailFailure.of(rejected, USER, PASSWORD);

        assertThat(failure.getMessage())
                .startsWith("could not deliver by email: AuthenticationFailedException: 535 5.7.8 rejected AUTH PLAIN ")
                .doesNotContain(PASSWORD, USER, plain, login, base64(USER), "mail.example")
                .contains("<redacted>")
                .doesNotEndWith("\n");
        assertThat(failure.getCause()).isNull();
        assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void aMessageTheServerRefusedIsToldByThatMessagesError() {
        MailSendException refused =
                new MailSendException(Map.of(new Object(), new MessagingException("550 5.1.1 mailbox unavailable")));
        assertThat(EmailFailure.of(refused, null, null).getMessage())
                .isEqualTo("could not deliver by email: MessagingException: 550 5.1.1 mailbox unavailable");
        assertThat(List.of(Channel.values())).contains(Channel.EMAIL);
    }

    private static AlertProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("bikecast.monitoring.alerts", AlertProperties.class);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
