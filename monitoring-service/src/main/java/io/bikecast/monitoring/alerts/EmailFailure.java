package io.bikecast.monitoring.alerts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.mail.MailSendException;

/**
 * Why an email delivery failed, told without the SMTP credentials: the type and message of the innermost error (a
 * refused connection, the server's reply), with the username and password, their Base64 forms as {@code AUTH LOGIN}
 * and {@code AUTH PLAIN} send them, and anything URL-like replaced by {@code <redacted>}.
 */
final class EmailFailure extends DeliveryFailure {

    private static final String REDACTED = "<redacted>";

    private EmailFailure(String message) {
        super(message);
    }

    static EmailFailure of(Exception failure, String username, String password) {
        Throwable cause = failure;
        // A message the server refused is told by the exception of that message, not by a cause.
        if (failure instanceof MailSendException send
                && send.getCause() == null
                && send.getMessageExceptions().length > 0) {
            cause = send.getMessageExceptions()[0];
        }
        Throwable root = root(cause);
        List<String> secrets = secrets(username, password);
        String message = root.getMessage() == null ? "" : ": " + redact(root.getMessage(), REDACTED, secrets);
        return new EmailFailure("could not deliver by " + Channel.EMAIL.label() + ": "
                + root.getClass().getSimpleName() + message.strip());
    }

    /** The credentials as they may be echoed: plain, and Base64 as in {@code AUTH LOGIN} and {@code AUTH PLAIN}. */
    private static List<String> secrets(String username, String password) {
        List<String> secrets = new ArrayList<>();
        // Longest first, so no shorter secret breaks up a longer one before it is replaced.
        if (password != null && !password.isEmpty()) {
            secrets.add(base64("\0" + (username == null ? "" : username) + "\0" + password));
            secrets.add(base64(password));
            secrets.add(password);
        }
        if (username != null && !username.isEmpty()) {
            secrets.add(base64(username));
            secrets.add(username);
        }
        return secrets;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
