package io.bikecast.platform.outbox;

import static io.bikecast.platform.outbox.TestEvents.hours;
import static io.bikecast.platform.outbox.TestEvents.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.StandaloneKafkaBroker;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka stopped while a service changes its data: the transaction commits with its events, the relay keeps them (an
 * unreachable broker never gets an event parked, however many rounds fail), and once the broker is back every one is
 * published, in order. The test drives the relay itself ({@code relay-enabled=false}), round by round.
 */
@SpringBootTest(classes = OutboxTest.OutboxService.class, properties = "bikecast.outbox.relay-enabled=false")
@RealInfrastructure
class OutboxOutageTest {

    static final StandaloneKafkaBroker BROKER = StandaloneKafkaBroker.startNew();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void whileKafkaIsDownChangesCommitAndTheirEventsWaitThenAllGoOutInOrder() {
        assertThat(bootstrapServers).isEqualTo(BROKER.bootstrapServers());
        List<ActualObserved> before = hours("outage", 0, 5);
        store(before);
        assertThat(relay.relayOnce().published()).isEqualTo(5);

        BROKER.stop();
        List<ActualObserved> during = hours("outage", 5, 50);
        store(during);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM relay.reading", Long.class))
                .as("the changes committed with their events")
                .isEqualTo(55);
        for (int round = 1; round <= 4; round++) {
            OutboxRelay.Round failed = relay.relayOnce();
            assertThat(failed.published()).isZero();
            assertThat(failed.blocked()).isTrue();
        }
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT attempts, last_error, parked_at FROM relay.outbox WHERE event_id = ?",
                during.getFirst().eventId());
        assertThat(head.get("attempts"))
                .as("only the probe was tried, once a round")
                .isEqualTo(4);
        assertThat(head.get("last_error")).isNotNull();
        assertThat(head.get("parked_at"))
                .as("more failed rounds than max-attempts, but Kafka being down parks nothing")
                .isNull();
        assertThat(pending()).isEqualTo(50);

        BROKER.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            relay.relayOnce();
            return pending() == 0;
        });

        List<UUID> appended = new ArrayList<>(ids(before));
        appended.addAll(ids(during));
        assertThat(ActualsTopic.awaitEvents(bootstrapServers, "outage", appended.size()))
                .containsExactlyElementsOf(appended);
    }

    /** Stores readings and appends their events in one transaction, as a service does. */
    private void store(List<ActualObserved> events) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (ActualObserved event : events) {
                jdbc.update(
                        "INSERT INTO relay.reading (hour, count) VALUES (?, ?)",
                        Timestamp.valueOf(event.hour()),
                        event.count());
            }
            outbox.append(events);
        });
    }

    private long pending() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM relay.outbox WHERE published_at IS NULL AND parked_at IS NULL", Long.class);
    }
}
