package io.bikecast.monitoring;

import static io.bikecast.monitoring.support.MonitoringHarness.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.monitoring.alerts.AlertField;
import io.bikecast.monitoring.alerts.AlertKind;
import io.bikecast.monitoring.alerts.AlertService;
import io.bikecast.monitoring.alerts.NewAlert;
import io.bikecast.monitoring.alerts.Severity;
import io.bikecast.monitoring.support.MonitoringHarness;
import io.bikecast.monitoring.support.MonitoringLoop;
import io.bikecast.monitoring.support.SmtpServer;
import io.bikecast.monitoring.support.WebhookServer;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Email alerts on real PostgreSQL and Kafka, sent over SMTP with a login to a real SMTP server (GreenMail), next to
 * Slack played by a local webhook: an alert raised by a lifecycle event arrives by email with the same facts as its
 * Slack message, field by field; a repeat within the fold window is folded and not mailed again; a link and markup
 * characters come through the plain-text and the HTML body; and a mail server that is down delays the alert, stores
 * an error without the credentials, and delivers it exactly once when it is back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bikecast.monitoring.model-name=" + MODEL,
            "bikecast.monitoring.drift.schedule-enabled=false",
            "bikecast.monitoring.live-error.refresh-interval=1h",
            "bikecast.monitoring.alerts.dispatch-interval=200ms",
            "bikecast.monitoring.alerts.retry-initial-interval=200ms",
            "bikecast.monitoring.alerts.retry-max-interval=1s",
            "bikecast.monitoring.alerts.public-base-url=http://monitoring.example:8083/",
            "bikecast.monitoring.alerts.email.to=" + EmailAlertTest.ONCALL + ", " + EmailAlertTest.ML_TEAM,
            "bikecast.monitoring.alerts.email.from=" + EmailAlertTest.FROM,
            "spring.mail.host=127.0.0.1",
            "spring.mail.username=" + SmtpServer.USERNAME,
            "spring.mail.password=" + SmtpServer.PASSWORD,
            "spring.mail.properties.mail.smtp.auth=true",
            "bikecast.security.api-key.key=test-key"
        })
@MonitoringLoop
class EmailAlertTest {

    static final String ONCALL = "oncall@bikecast.test";
    static final String ML_TEAM = "ml-team@bikecast.test";
    static final String FROM = "monitoring@bikecast.test";

    private static final WebhookServer WEBHOOKS = WebhookServer.start();
    private static final SmtpServer SMTP = SmtpServer.start();

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("bikecast.monitoring.alerts.slack-webhook-url", WEBHOOKS::slackUrl);
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    private MonitoringHarness monitoring;

    @Autowired
    private AlertService alerts;

    @Test
    @Order(1)
    void aPromotionArrivesByEmailWithTheFactsOfItsSlackMessage() throws Exception {
        ModelMetrics better = new ModelMetrics(45.5, 30.25, 0.912, 0.5);
        ModelMetrics holdout = new ModelMetrics(60.0, 40.0, 0.85, 0.4);
        monitoring.publish(
                ModelPromoted.of(MODEL, 7, "champion", "sha", 6L, "beat the champion on the holdout", better, holdout));

        String title = "New champion: " + MODEL + " v7";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !WEBHOOKS.slackMessages(title).isEmpty()
                        && !SMTP.messages(title).isEmpty());
        JsonNode slack = WEBHOOKS.slackMessages(title).getFirst();
        MimeMessage email = SMTP.messages(title).getFirst();
        JsonNode blocks = slack.path("blocks");

        assertThat(email.getSubject())
                .isEqualTo("[bikecast] " + slack.path("text").asString());
        assertThat(email.getSubject()).isEqualTo("[bikecast] [INFO] " + title);
        assertThat(addresses(email.getFrom())).containsExactly(FROM);
        assertThat(addresses(email.getRecipients(Message.RecipientType.TO))).containsExactly(ONCALL, ML_TEAM);
        assertThat(SMTP.messages().stream()
                        .filter(m -> subject(m).contains(title))
                        .count())
                .as("one message, one copy per recipient")
                .isEqualTo(2);
        assertThat(email.getHeader("X-Bikecast-Alert-Kind")).containsExactly("CHAMPION_PROMOTED");
        assertThat(email.getHeader("X-Bikecast-Alert-Id")[0])
                .isEqualTo(
                        monitoring.alert("CHAMPION_PROMOTED", null).path("id").asString());

        // The plain text: title, summary, one "name: value" line per field, the context line; each as Slack has it.
        String[] text = SmtpServer.part(email, "text/plain").strip().split("\n\n");
        assertThat(text).hasSize(4);
        assertThat(text[0]).isEqualTo(blocks.path(0).path("text").path("text").asString());
        assertThat(text[1])
                .isEqualTo(blocks.path(1).path("text").path("text").asString())
                .isEqualTo(MODEL + " v6 → v7: beat the champion on the holdout");
        List<String> slackFields = StreamSupport.stream(
                        blocks.path(2).path("fields").spliterator(), false)
                .map(field -> field.path("text").asString())
                .toList();
        List<String> emailFields = Arrays.asList(text[2].split("\n"));
        assertThat(emailFields).hasSameSizeAs(slackFields).hasSize(2);
        for (int i = 0; i < slackFields.size(); i++) {
            String[] nameAndValue = slackFields.get(i).split("\n", 2);
            assertThat(emailFields.get(i)).isEqualTo(nameAndValue[0].replace("*", "") + ": " + nameAndValue[1]);
        }
        assertThat(emailFields)
                .containsExactly(
                        "new version: v7 · RMSE 45.5, MAE 30.3, R² 0.912",
                        "previous version: v6 · RMSE 60.0, MAE 40.0, R² 0.850");
        String slackContext =
                blocks.path(3).path("elements").path(0).path("text").asString();
        assertThat(text[3]).isEqualTo(slackContext.replace("*", "")).contains("CHAMPION_PROMOTED", "occurrences: 1");

        String html = SmtpServer.part(email, "text/html");
        assertThat(html)
                .contains("<h2 style=\"color: #2EB67D\">" + title + "</h2>")
                .contains("<th align=\"left\">new version</th><td>v7 · RMSE 45.5, MAE 30.3, R² 0.912</td>")
                .contains("<th align=\"left\">previous version</th><td>v6 · RMSE 60.0, MAE 40.0, R² 0.850</td>")
                .contains("Severity: <strong>INFO</strong> · CHAMPION_PROMOTED · occurrences: 1");

        JsonNode alert = monitoring.alert("CHAMPION_PROMOTED", null);
        assertThat(StreamSupport.stream(alert.path("deliveries").spliterator(), false)
                        .map(d -> d.path("channel").asString() + "="
                                + d.path("state").asString())
                        .toList())
                .containsExactlyInAnyOrder("EMAIL=DELIVERED", "SLACK=DELIVERED");
    }

    @Test
    @Order(2)
    void aRepeatWithinTheFoldWindowIsFoldedAndNotMailedAgain() throws Exception {
        UUID run = UUID.randomUUID();
        monitoring.publish(TrainingFailed.of(MODEL, run, "disk full", TriggerSource.MONITORING));
        String title = "Training failed: " + MODEL;
        await().atMost(Duration.ofSeconds(20)).until(() -> !SMTP.messages(title).isEmpty());

        // Another event about the same run: a new event, the same alert.
        monitoring.publish(TrainingFailed.of(MODEL, run, "disk full", TriggerSource.MONITORING));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> monitoring
                                .alert("TRAINING_FAILED", run.toString())
                                .path("occurrences")
                                .asInt()
                        == 2);
        // Over several dispatcher runs (every 200 ms), nothing is mailed twice.
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> SMTP.messages(title).size() == 1
                        && WEBHOOKS.slackMessages(title).size() == 1);
        JsonNode alert = monitoring.alert("TRAINING_FAILED", run.toString());
        for (JsonNode delivery : alert.path("deliveries")) {
            assertThat(delivery.path("state").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        }
        MimeMessage email = SMTP.messages(title).getFirst();
        assertThat(email.getSubject()).isEqualTo("[bikecast] [CRITICAL] " + title);
        assertThat(SmtpServer.part(email, "text/plain"))
                .contains("\n\ndisk full\n\n")
                .contains("\nrun: " + run + "\ntrigger: MONITORING\n");
    }

    @Test
    @Order(3)
    void aLinkAndMarkupCharactersComeThroughBothBodies() throws Exception {
        alerts.raise(new NewAlert(
                AlertKind.LIVE_PERFORMANCE_DEGRADED,
                MODEL,
                MODEL + ":9",
                Severity.WARNING,
                "Live error up: " + MODEL + " v9",
                "RMSE < holdout & rising",
                List.of(new AlertField("RMSE", "71.2 (> 1.2 × 59.0)"), new AlertField("window", "24 h <pairs>")),
                "/api/v1/live-error?model=" + MODEL + "&version=9"));
        String title = "Live error up: " + MODEL + " v9";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !SMTP.messages(title).isEmpty()
                        && !WEBHOOKS.slackMessages(title).isEmpty());
        String link = "http://monitoring.example:8083/api/v1/live-error?model=" + MODEL + "&version=9";
        JsonNode slack = WEBHOOKS.slackMessages(title).getFirst();
        MimeMessage email = SMTP.messages(title).getFirst();

        String[] text = SmtpServer.part(email, "text/plain").strip().split("\n\n");
        String slackContext = slack.path("blocks")
                .path(3)
                .path("elements")
                .path(0)
                .path("text")
                .asString();
        assertThat(slackContext).endsWith(" · <" + link + "|details>");
        assertThat(text[1]).isEqualTo("RMSE < holdout & rising");
        assertThat(text[2]).isEqualTo("RMSE: 71.2 (> 1.2 × 59.0)\nwindow: 24 h <pairs>");
        assertThat(text[3])
                .isEqualTo(slackContext.replace("*", "").replace("<" + link + "|details>", "details: " + link));

        assertThat(SmtpServer.part(email, "text/html"))
                .contains("<p>RMSE &lt; holdout &amp; rising</p>")
                .contains("<td>71.2 (&gt; 1.2 × 59.0)</td>")
                .contains("<td>24 h &lt;pairs&gt;</td>")
                .contains("<a href=\"" + link.replace("&", "&amp;") + "\">details</a>")
                .doesNotContain("<pairs>");
    }

    @Test
    @Order(4)
    @ExtendWith(OutputCaptureExtension.class)
    void aMailServerThatIsDownDelaysTheAlertAndDeliversItExactlyOnce(CapturedOutput output) throws Exception {
        SMTP.down();
        UUID run = UUID.randomUUID();
        monitoring.publish(TrainingFailed.of(MODEL, run, "out of memory", TriggerSource.MONITORING));

        // Retried with back-off (200 ms doubling, at most 1 s): pending after several failed attempts, Slack delivered.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode email = delivery(run, "EMAIL");
            return email != null
                    && email.path("attempts").asInt() >= 2
                    && email.path("state").asString().equals("PENDING");
        });
        assertThat(delivery(run, "SLACK").path("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivery(run, "EMAIL").path("lastError").asString())
                .startsWith("could not deliver by email: ")
                .contains("Connection refused");
        // The SMTP credentials: not in what is stored, shown without a key, or logged.
        String shown = monitoring.http().get("/api/v1/alerts?size=100").body();
        assertThat(shown).contains("could not deliver by email");
        for (String secret : List.of(SmtpServer.PASSWORD, SmtpServer.USERNAME)) {
            assertThat(shown).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(
                        monitoring
                                .jdbc()
                                .queryForList("SELECT last_error FROM monitoring.alert_delivery", String.class)
                                .stream()
                                .filter(error -> error != null && error.contains(SmtpServer.PASSWORD)))
                .isEmpty();
        String title = "Training failed: " + MODEL;
        List<MimeMessage> before = SMTP.messages(title);

        SMTP.up();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> delivery(run, "EMAIL").path("state").asString().equals("DELIVERED"));
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> SMTP.messages(title).size() == before.size() + 1);
        MimeMessage email = SMTP.messages(title).getLast();
        assertThat(SmtpServer.part(email, "text/plain"))
                .contains("out of memory")
                .contains("run: " + run);
        assertThat(delivery(run, "EMAIL").path("lastError").isNull()).isTrue();
    }

    /** The delivery of the training-failed alert of the run to the channel, from {@code GET /api/v1/alerts}. */
    private JsonNode delivery(UUID run, String channel) {
        JsonNode alert = monitoring.alert("TRAINING_FAILED", run.toString());
        if (alert == null) {
            return null;
        }
        return StreamSupport.stream(alert.path("deliveries").spliterator(), false)
                .filter(d -> d.path("channel").asString().equals(channel))
                .findFirst()
                .orElse(null);
    }

    private static List<String> addresses(jakarta.mail.Address[] addresses) {
        return Arrays.stream(addresses)
                .map(a -> ((InternetAddress) a).getAddress())
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
