package io.bikecast.monitoring.alerts;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends alerts by email with Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}): one message to
 * every {@code alerts.email.to} address, with a plain-text and an HTML part ({@link AlertEmails}) and the alert's id
 * and kind in {@code X-Bikecast-Alert-Id} and {@code X-Bikecast-Alert-Kind} headers and whether it is the alert or
 * its resolution in {@code X-Bikecast-Alert-Message} ({@code RAISED}, {@code RESOLVED}), for mail filters. Any failure is
 * thrown as an {@link EmailFailure}, which never holds the SMTP credentials: the dispatcher retries.
 */
@Component
class EmailSender {

    private final AlertProperties.Email settings;
    private final JavaMailSender mail;

    EmailSender(AlertProperties alerts, ObjectProvider<JavaMailSender> mail) {
        this.settings = alerts.email();
        this.mail = settings.enabled() ? mail.getIfAvailable() : null;
        // An empty spring.mail.host (an unset environment variable) still makes Spring configure a sender.
        if (settings.enabled()
                && (this.mail == null
                        || this.mail instanceof JavaMailSenderImpl smtp
                                && (smtp.getHost() == null || smtp.getHost().isBlank()))) {
            throw new IllegalStateException(
                    "bikecast.monitoring.alerts.email.to is set but there is no mail server: set spring.mail.host");
        }
        if (settings.enabled() && (settings.from() == null || settings.from().isBlank())) {
            throw new IllegalStateException(
                    "bikecast.monitoring.alerts.email.to is set: bikecast.monitoring.alerts.email.from must be too");
        }
    }

    /** True if there are recipients (and so a mail server). */
    boolean enabled() {
        return mail != null;
    }

    void send(StoredAlert alert, Message message) {
        if (mail == null) {
            throw new IllegalStateException("email has no recipients configured any more");
        }
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(settings.to().toArray(String[]::new));
            helper.setSubject(AlertEmails.subject(alert, message, settings.subjectPrefix()));
            helper.setText(AlertEmails.text(alert, message), AlertEmails.html(alert, message));
            mime.setHeader("X-Bikecast-Alert-Id", alert.id().toString());
            mime.setHeader("X-Bikecast-Alert-Kind", alert.kind().name());
            mime.setHeader("X-Bikecast-Alert-Message", message.name());
            mail.send(mime);
        } catch (MessagingException | MailException e) {
            throw mail instanceof JavaMailSenderImpl smtp
                    ? EmailFailure.of(e, smtp.getUsername(), smtp.getPassword())
                    : EmailFailure.of(e, null, null);
        }
    }
}
