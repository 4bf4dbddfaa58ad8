package io.bikecast.monitoring;

import static io.bikecast.monitoring.support.MonitoringHarness.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.events.TrainingFailed;
import io.bikecast.common.events.TriggerSource;
import io.bikecast.monitoring.alerts.AlertKind;
import io.bikecast.monitoring.alerts.AlertService;
import io.bikecast.monitoring.alerts.NewAlert;
import io.bikecast.monitoring.alerts.Severity;
import io.bikecast.monitoring.support.Http;
import io.bikecast.monitoring.support.MonitoringHarness;
import io.bikecast.monitoring.support.MonitoringLoop;
import io.bikecast.monitoring.support.SmtpServer;
import io.bikecast.monitoring.support.WebhookServer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open and resolved alerts on real PostgreSQL and Kafka, with Slack and Discord played by a local webhook server and
 * email by a real SMTP server (GreenMail): a failed run stays open until a later run of the same model succeeds, and
 * its resolution is sent to every channel the alert went to; an operator resolves an open alert only with the key
 * (401 without, 404 for an unknown id, 409 when resolved already or informational); a problem that comes back after
 * its resolution is a new alert; and a resolution waits for its alert on a channel that is down, then follows it.
 * Drift and live error clearing are proved where those checks run: {@code MonitoringLoopTest} (a check without drift
 * resolves the model's drift alert) and {@code DataClockLoopTest} (live error back within the threshold).
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
            "bikecast.monitoring.alerts.email.to=oncall@bikecast.test",
            "bikecast.monitoring.alerts.email.from=monitoring@bikecast.test",
            "spring.mail.host=127.0.0.1",
            "spring.mail.username=" + SmtpServer.USERNAME,
            "spring.mail.password=" + SmtpServer.PASSWORD,
            "spring.mail.properties.mail.smtp.auth=true",
            "bikecast.security.api-key.key=" + AlertResolutionTest.KEY
        })
@MonitoringLoop
class AlertResolutionTest {

    static final String KEY = "test-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookServer WEBHOOKS = WebhookServer.start();
    private static final SmtpServer SMTP = SmtpServer.start();
    private static final String OTHER_MODEL = "downtown-demand";

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("bikecast.monitoring.alerts.slack-webhook-url", WEBHOOKS::slackUrl);
        registry.add("bikecast.monitoring.alerts.discord-webhook-url", WEBHOOKS::discordUrl);
        registry.add("spring.mail.port", SMTP::port);
    }

    @Autowired
    private MonitoringHarness monitoring;

    @Autowired
    private AlertService alertService;

    private Http http;
    private final UUID failedRun = UUID.randomUUID();
    private final UUID otherFailedRun = UUID.randomUUID();

    @BeforeAll
    void client() {
        http = monitoring.http();
    }

    @Test
    @Order(1)
    void aFailedRunIsOpenUntilALaterRunOfTheSameModelSucceeds() throws Exception {
        monitoring.publish(TrainingFailed.of(MODEL, failedRun, "disk full", TriggerSource.MONITORING));
        monitoring.publish(TrainingFailed.of(OTHER_MODEL, otherFailedRun, "out of memory", TriggerSource.SCHEDULE));
        String title = "Training failed: " + MODEL;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> allDelivered(alert(failedRun), "deliveries", 3)
                        && allDelivered(alert(otherFailedRun), "deliveries", 3));
        JsonNode open = alert(failedRun);
        assertThat(open.path("state").asString()).isEqualTo("OPEN");
        assertThat(open.path("modelName").asString()).isEqualTo(MODEL);
        assertThat(open.path("resolvedAt").isNull()).isTrue();
        assertThat(open.path("resolutionDeliveries").size()).isZero();
        assertThat(ids(http.get("/api/v1/alerts?state=open"))).contains(id(failedRun), id(otherFailedRun));

        // A run of the same model that produced a version (here kept as challenger) succeeded.
        UUID goodRun = UUID.randomUUID();
        monitoring.publish(
                ModelTrained.of(MODEL, 5, goodRun, "xgboost", new ModelMetrics(50, 30, 0.9, 0.5), "challenger"));
        await().atMost(Duration.ofSeconds(20)).until(() -> allDelivered(alert(failedRun), "resolutionDeliveries", 3));

        JsonNode resolved = alert(failedRun);
        assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolvedHow").asString()).isEqualTo("CONDITION_CLEARED");
        assertThat(resolved.path("resolutionReason").asString())
                .isEqualTo("training run " + goodRun + " of " + MODEL + " succeeded: v5 registered (challenger)");
        Instant resolvedAt = Instant.parse(resolved.path("resolvedAt").asString());
        assertThat(resolvedAt)
                .isAfterOrEqualTo(Instant.parse(resolved.path("firstRaisedAt").asString()));
        // Another model's failure is another problem: still open.
        assertThat(alert(otherFailedRun).path("state").asString()).isEqualTo("OPEN");
        assertThat(ids(http.get("/api/v1/alerts?state=open")))
                .contains(id(otherFailedRun))
                .doesNotContain(id(failedRun));
        assertThat(ids(http.get("/api/v1/alerts?state=resolved"))).containsExactly(id(failedRun));

        // The resolution, on every channel the alert went to, with the same facts.
        String reason =
                "The condition cleared: " + resolved.path("resolutionReason").asString();
        JsonNode slack = WEBHOOKS.slackMessages("[RESOLVED] " + title).getFirst();
        assertThat(WEBHOOKS.slackMessages("[RESOLVED] " + title)).hasSize(1);
        JsonNode blocks = slack.path("blocks");
        assertThat(blocks.path(0).path("text").path("text").asString()).isEqualTo("Resolved: " + title);
        assertThat(blocks.path(1).path("text").path("text").asString()).isEqualTo(reason);
        assertThat(StreamSupport.stream(blocks.path(2).path("fields").spliterator(), false)
                        .map(f -> f.path("text").asString())
                        .toList())
                .containsExactly("*run*\n" + failedRun, "*trigger*\nMONITORING");
        assertThat(blocks.path(3).path("elements").path(0).path("text").asString())
                .contains("Severity: *CRITICAL*", "TRAINING_FAILED", "occurrences: 1", "resolved " + resolvedAt);

        JsonNode embed = WEBHOOKS.discordMessages("Resolved: " + title)
                .getFirst()
                .path("embeds")
                .path(0);
        assertThat(embed.path("description").asString()).isEqualTo(reason);
        assertThat(embed.path("color").asInt()).as("green: good news").isEqualTo(0x2EB67D);
        assertThat(embed.path("timestamp").asString()).isEqualTo(resolvedAt.toString());
        assertThat(embed.path("footer").path("text").asString()).endsWith(" · resolved");

        List<MimeMessage> emails = SMTP.messages("[RESOLVED] " + title);
        assertThat(emails).hasSize(1);
        MimeMessage email = emails.getFirst();
        assertThat(email.getSubject()).isEqualTo("[bikecast] [RESOLVED] " + title);
        assertThat(email.getHeader("X-Bikecast-Alert-Id")).containsExactly(id(failedRun));
        assertThat(email.getHeader("X-Bikecast-Alert-Message")).containsExactly("RESOLVED");
        String text = SmtpServer.part(email, "text/plain");
        assertThat(text)
                .startsWith(
                        "Resolved: " + title + "\n\n" + reason + "\n\nrun: " + failedRun + "\ntrigger: MONITORING\n")
                .contains("resolved " + resolvedAt);
        assertThat(SmtpServer.part(email, "text/html")).contains("<h2 style=\"color: #2EB67D\">Resolved: " + title);
        // The alert itself was mailed once, before: the resolution is a message of its own.
        assertThat(SMTP.messages("[CRITICAL] " + title)).hasSize(1);
    }

    @Test
    @Order(2)
    void anOperatorResolvesAnOpenAlertOnlyWithTheKey() throws Exception {
        String id = id(otherFailedRun);
        String path = "/api/v1/alerts/" + id + "/resolve";
        String body = "{\"reason\": \"the node was replaced\"}";

        HttpResponse<String> noKey = http.post(path, null, body);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(noKey.body()).path("type").asString())
                .isEqualTo("https://bikecast.io/problems/unauthorized");
        assertThat(http.post(path, "wrong", body).statusCode()).isEqualTo(401);
        assertThat(alert(otherFailedRun).path("state").asString())
                .as("a refusal changes nothing")
                .isEqualTo("OPEN");

        UUID unknown = UUID.randomUUID();
        HttpResponse<String> missing = http.post("/api/v1/alerts/" + unknown + "/resolve", KEY, body);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        JsonNode notFound = JSON.readTree(missing.body());
        assertThat(notFound.path("type").asString()).isEqualTo("https://bikecast.io/problems/not-found");
        assertThat(notFound.path("detail").asString()).isEqualTo("no alert " + unknown);

        assertBadRequestNaming(http.post(path, KEY, "{\"reason\": \"" + "x".repeat(501) + "\"}"), "reason");

        HttpResponse<String> done = http.post(path, KEY, body);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode resolved = JSON.readTree(done.body());
        assertThat(resolved.path("id").asString()).isEqualTo(id);
        assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolvedHow").asString()).isEqualTo("OPERATOR");
        assertThat(resolved.path("resolutionReason").asString()).isEqualTo("the node was replaced");
        assertThat(ids(http.get("/api/v1/alerts?state=open"))).doesNotContain(id);
        assertThat(ids(http.get("/api/v1/alerts?state=resolved"))).contains(id);

        HttpResponse<String> again = http.post(path, KEY, body);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(again.body());
        assertThat(conflict.path("type").asString()).isEqualTo("https://bikecast.io/problems/conflict");
        assertThat(conflict.path("detail").asString()).isEqualTo("alert " + id + " is resolved already");

        String title = "Training failed: " + OTHER_MODEL;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> allDelivered(alert(otherFailedRun), "resolutionDeliveries", 3));
        assertThat(WebhookServer.slackSummary(
                        WEBHOOKS.slackMessages("[RESOLVED] " + title).getFirst()))
                .isEqualTo("Resolved by an operator: the node was replaced");
        assertThat(SmtpServer.part(SMTP.messages("[RESOLVED] " + title).getFirst(), "text/plain"))
                .contains("\n\nResolved by an operator: the node was replaced\n\n");

        assertBadRequestNaming(http.get("/api/v1/alerts?state=closed"), "state");
    }

    @Test
    @Order(3)
    void aPromotionIsNewsNeverOpenAndNothingToResolve() {
        monitoring.publish(ModelPromoted.of(
                MODEL,
                5,
                "champion",
                "sha",
                4L,
                "beat the champion",
                new ModelMetrics(50, 30, 0.9, 0.5),
                new ModelMetrics(60, 40, 0.85, 0.4)));
        await().atMost(Duration.ofSeconds(20)).until(() -> monitoring.alert("CHAMPION_PROMOTED", null) != null);
        JsonNode promoted = monitoring.alert("CHAMPION_PROMOTED", null);
        assertThat(promoted.path("state").asString()).isEqualTo("INFORMATIONAL");
        String id = promoted.path("id").asString();
        assertThat(ids(http.get("/api/v1/alerts?state=open"))).doesNotContain(id);
        assertThat(ids(http.get("/api/v1/alerts?state=resolved"))).doesNotContain(id);

        HttpResponse<String> refused = http.post("/api/v1/alerts/" + id + "/resolve", KEY, "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("informational");
    }

    @Test
    @Order(4)
    void foldedRaisesResolveTogetherAndAProblemThatComesBackIsANewAlert() {
        UUID run = UUID.randomUUID();
        String title = "Training failed: " + OTHER_MODEL;
        int resolvedBefore = WEBHOOKS.slackMessages("[RESOLVED] " + title).size();
        monitoring.publish(TrainingFailed.of(OTHER_MODEL, run, "disk full", TriggerSource.MONITORING));
        monitoring.publish(TrainingFailed.of(OTHER_MODEL, run, "disk full", TriggerSource.MONITORING));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        alert(run) != null && alert(run).path("occurrences").asInt() == 2);
        String first = id(run);

        // Without a body: the reason is optional.
        HttpResponse<String> done = http.post("/api/v1/alerts/" + first + "/resolve", KEY);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(JSON.readTree(done.body()).path("resolutionReason").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> allDelivered(alert(run), "resolutionDeliveries", 3));
        assertThat(WEBHOOKS.slackMessages("[RESOLVED] " + title))
                .as("two raises folded into one alert: one resolution")
                .hasSize(resolvedBefore + 1);
        assertThat(WebhookServer.slackSummary(
                        WEBHOOKS.slackMessages("[RESOLVED] " + title).getLast()))
                .isEqualTo("Resolved by an operator.");

        // The same run failing again within the fold window: a new episode, open and sent again.
        monitoring.publish(TrainingFailed.of(OTHER_MODEL, run, "disk full again", TriggerSource.MONITORING));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> alerts(run).size() == 2
                        && alerts(run).stream()
                                .filter(alert -> !alert.path("id").asString().equals(first))
                                .allMatch(alert -> allDelivered(alert, "deliveries", 3)));
        // Both were raised at the same hour of the monitoring clock, so "newest first" does not order them: the new
        // episode is the alert that is not the resolved one.
        JsonNode again = alerts(run).stream()
                .filter(alert -> !alert.path("id").asString().equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(again.path("state").asString()).isEqualTo("OPEN");
        assertThat(again.path("occurrences").asInt()).isEqualTo(1);
        assertThat(again.path("summary").asString()).isEqualTo("disk full again");
    }

    @Test
    @Order(5)
    void aResolutionWaitsForItsAlertOnAChannelThatIsDownThenFollowsIt() throws Exception {
        SMTP.down();
        UUID run = UUID.randomUUID();
        String model = "uptown-demand";
        String title = "Training failed: " + model;
        monitoring.publish(TrainingFailed.of(model, run, "no space left", TriggerSource.MONITORING));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode email = delivery(alert(run), "deliveries", "EMAIL");
            return email != null && email.path("attempts").asInt() >= 1;
        });
        assertThat(http.post("/api/v1/alerts/" + id(run) + "/resolve", KEY, "{\"reason\": \"freed the disk\"}")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DELIVERED"
                        .equals(delivery(alert(run), "resolutionDeliveries", "SLACK")
                                .path("state")
                                .asString()));
        JsonNode waiting = delivery(alert(run), "resolutionDeliveries", "EMAIL");
        assertThat(waiting.path("state").asString()).isEqualTo("PENDING");
        assertThat(waiting.path("attempts").asInt())
                .as("not tried before its alert is out")
                .isZero();

        SMTP.up();
        await().atMost(Duration.ofSeconds(20)).until(() -> allDelivered(alert(run), "resolutionDeliveries", 3));
        List<MimeMessage> mailed = SMTP.messages(title);
        assertThat(mailed).hasSize(2);
        assertThat(mailed.get(0).getSubject()).isEqualTo("[bikecast] [CRITICAL] " + title);
        assertThat(mailed.get(1).getSubject()).isEqualTo("[bikecast] [RESOLVED] " + title);
    }

    /**
     * Alerts raised in the same data-clock hour tie on their raising time; the listing must still be newest first,
     * the same on every read and across pages, not in the order of their random ids.
     */
    @Test
    @Order(6)
    void alertsRaisedInTheSameHourAreListedNewestFirstInAStableOrder() {
        // Later than every alert above, so these five head the list; one hour for all, as a data-clock check gives.
        Instant sameHour = Instant.parse("2099-09-01T04:00:00Z");
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String title = "Data drift: ordering-check-" + i;
            titles.add(title);
            alertService.raise(
                    new NewAlert(
                            AlertKind.DRIFT_DETECTED,
                            "ordering-check-" + i,
                            "ordering-check-" + i + ":1",
                            Severity.WARNING,
                            title,
                            "raised " + i + " of 5",
                            List.of(),
                            null),
                    sameHour);
        }
        List<String> newestFirst = titles.reversed();

        JsonNode page = monitoring.get("/api/v1/alerts?size=5");
        List<String> listed = titles(page);
        assertThat(listed).containsExactlyElementsOf(newestFirst);
        assertThat(StreamSupport.stream(page.path("items").spliterator(), false)
                        .map(a -> a.path("firstRaisedAt").asString())
                        .distinct())
                .as("they tie on the raising time")
                .hasSize(1);
        assertThat(titles(monitoring.get("/api/v1/alerts?size=5"))).containsExactlyElementsOf(listed);
        assertThat(titles(monitoring.get("/api/v1/alerts?size=2&page=1")))
                .containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(titles(monitoring.get("/api/v1/alerts?size=2&page=2")).getFirst())
                .isEqualTo(newestFirst.get(4));
    }

    // ---- helpers

    private static List<String> titles(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(a -> a.path("title").asString())
                .toList();
    }

    /** The newest alert about the run (the failed-training alert's key), or null. */
    private JsonNode alert(UUID run) {
        List<JsonNode> alerts = alerts(run);
        return alerts.isEmpty() ? null : alerts.getFirst();
    }

    /** Every alert about the run, newest first. */
    private List<JsonNode> alerts(UUID run) {
        return StreamSupport.stream(
                        monitoring.get("/api/v1/alerts?size=100").path("items").spliterator(), false)
                .filter(a -> a.path("key").asString().equals(run.toString()))
                .toList();
    }

    private String id(UUID run) {
        return alert(run).path("id").asString();
    }

    private static List<String> ids(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(page.body()).path("items").spliterator(), false)
                .map(a -> a.path("id").asString())
                .toList();
    }

    /** True if the alert has that many deliveries of the kind ({@code deliveries}, {@code resolutionDeliveries}), all delivered. */
    private static boolean allDelivered(JsonNode alert, String which, int channels) {
        return alert != null
                && alert.path(which).size() == channels
                && StreamSupport.stream(alert.path(which).spliterator(), false)
                        .allMatch(d -> d.path("state").asString().equals("DELIVERED"));
    }

    /** A 400 problem whose {@code errors} name the field. */
    private static void assertBadRequestNaming(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body())
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo(field);
    }

    private static JsonNode delivery(JsonNode alert, String which, String channel) {
        if (alert == null) {
            return null;
        }
        return StreamSupport.stream(alert.path(which).spliterator(), false)
                .filter(d -> d.path("channel").asString().equals(channel))
                .findFirst()
                .orElse(null);
    }
}
