package io.bikecast.platform.outbox;

import static io.bikecast.platform.outbox.TestEvents.hours;
import static io.bikecast.platform.outbox.TestEvents.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.Topics;
import io.bikecast.platform.config.BikecastService;
import io.bikecast.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox as a service uses it, with its relay running on its own schedule, against real PostgreSQL and Kafka:
 * what a committed transaction appended is published in order, what a rolled-back one appended never is, and an event
 * Kafka can never take is parked without holding up the events after it.
 */
@SpringBootTest(classes = OutboxTest.OutboxService.class)
@RealInfrastructure
class OutboxTest {

    /**
     * A service with nothing but the platform and an outbox table of its own ({@code outbox-test.yml}, {@code
     * outbox-test-schema.sql}). Nested in a test class, so that the platform test's own scan leaves it alone.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @BikecastService("outbox-test")
    static class OutboxService {}

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void publishesWhatCommittedTransactionsAppendedInTheOrderTheyAppendedIt() {
        List<ActualObserved> batch = hours("ordered", 0, 300);
        List<ActualObserved> oneByOne = hours("ordered", 300, 10);

        transactions.executeWithoutResult(status -> outbox.append(batch));
        transactions.executeWithoutResult(status -> oneByOne.forEach(outbox::append));

        List<UUID> appended = new ArrayList<>(ids(batch));
        appended.addAll(ids(oneByOne));
        assertThat(ActualsTopic.awaitEvents(bootstrapServers, "ordered", appended.size()))
                .containsExactlyElementsOf(appended);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending("ordered") == 0);
        assertThat(meters.get("bikecast.outbox.published").counter().count()).isGreaterThanOrEqualTo(310);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        ActualObserved rolledBack = hours("rolled-back", 0, 1).getFirst();
        ActualObserved committed = hours("rolled-back", 1, 1).getFirst();

        transactions.executeWithoutResult(status -> {
            outbox.append(rolledBack);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> outbox.append(committed));

        assertThat(ActualsTopic.awaitEvents(bootstrapServers, "rolled-back", 1)).containsExactly(committed.eventId());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM relay.outbox WHERE event_id = ?", Long.class, rolledBack.eventId()))
                .isZero();
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        ActualObserved alone = hours("no-transaction", 0, 1).getFirst();

        assertThatThrownBy(() -> outbox.append(alone))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no transaction is active");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM relay.outbox WHERE event_id = ?", Long.class, alone.eventId()))
                .isZero();
    }

    @Test
    void parksAnEventKafkaCanNeverTakeWithItsErrorAndPublishesTheEventsAfterIt() {
        List<ActualObserved> around = hours("poison", 0, 3);
        UUID poison = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            outbox.append(around.getFirst());
            jdbc.update(
                    "INSERT INTO relay.outbox (event_id, topic, event_key, payload) VALUES (?, ?, 'poison', ?::json)",
                    poison,
                    Topics.ACTUALS.name(),
                    "{\"type\": \"no-such-event\", \"eventId\": \"" + poison + "\"}");
            outbox.append(around.subList(1, 3));
        });

        assertThat(ActualsTopic.awaitEvents(bootstrapServers, "poison", 3)).containsExactlyElementsOf(ids(around));
        Map<String, Object> parked = jdbc.queryForMap(
                "SELECT attempts, last_error, parked_at, published_at FROM relay.outbox WHERE event_id = ?", poison);
        assertThat(parked.get("attempts")).as("bikecast.outbox.max-attempts").isEqualTo(3);
        assertThat((String) parked.get("last_error")).contains("does not read as an event");
        assertThat(parked.get("parked_at")).isNotNull();
        assertThat(parked.get("published_at")).isNull();
        assertThat(meters.get("bikecast.outbox.parked").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("bikecast.outbox.failures").counter().count()).isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending("poison") == 0);
    }

    private long pending(String key) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM relay.outbox WHERE event_key = ? AND published_at IS NULL AND parked_at IS NULL",
                Long.class,
                key);
    }
}
