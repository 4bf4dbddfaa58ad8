package io.bikecast.monitoring.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server on 127.0.0.1 (GreenMail) for the email alerts: it asks for the login {@link #USERNAME} with
 * {@link #PASSWORD} and keeps every message it accepts. It can be stopped and started again on the same port, to play
 * a mail server that is down; the messages received before are kept.
 */
public final class SmtpServer {

    public static final String USERNAME = "alerts-smtp-login";

    /** The SMTP password; nothing monitoring stores, shows or logs may contain it. */
    public static final String PASSWORD = "smtpSecretPassw0rd9876";

    private final int port;
    private final List<MimeMessage> earlier = new ArrayList<>();
    private GreenMail server;

    private SmtpServer(int port) {
        this.port = port;
    }

    public static SmtpServer start() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SmtpServer smtp = new SmtpServer(probe.getLocalPort());
            probe.close();
            smtp.up();
            return smtp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts listening (again), with the one user that may send. */
    public synchronized void up() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.setUser("alerts@bikecast.test", USERNAME, PASSWORD);
        server.start();
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() {
        earlier.addAll(Arrays.asList(server.getReceivedMessages()));
        server.stop();
    }

    /** Every message received so far (one per recipient, as GreenMail stores them, so grouped by Message-ID). */
    public synchronized List<MimeMessage> messages() {
        List<MimeMessage> all = new ArrayList<>(earlier);
        all.addAll(Arrays.asList(server.getReceivedMessages()));
        return all;
    }

    /** The distinct messages (one per Message-ID) whose subject contains the text. */
    public List<MimeMessage> messages(String subjectContaining) {
        List<String> seen = new ArrayList<>();
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage message : messages()) {
            try {
                if (message.getSubject().contains(subjectContaining) && !seen.contains(message.getMessageID())) {
                    seen.add(message.getMessageID());
                    matching.add(message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return matching;
    }

    /** The first part of the MIME type (e.g. {@code text/plain}) in a message, decoded, with line ends as {@code \n}. */
    public static String part(Part message, String type) {
        try {
            if (message.isMimeType(type)) {
                return ((String) message.getContent()).replace("\r\n", "\n");
            }
            if (message.isMimeType("multipart/*")) {
                MimeMultipart parts = (MimeMultipart) message.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    String found = part(parts.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
