package io.bikecast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.ObservationsIngested;
import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.testsupport.StandaloneKafkaBroker;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka stopped during an ingest: the batch still commits, its events wait in the outbox, and once the broker is back
 * every one of them arrives (counted by event id).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bikecast.security.api-key.key=" + IngestApi.KEY)
@RealInfrastructure
class OutboxOutageTest {

    static final StandaloneKafkaBroker BROKER = StandaloneKafkaBroker.startNew();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Test
    void everyEventArrivesOnceKafkaIsBack() throws Exception {
        assertThat(bootstrapServers).isEqualTo(BROKER.bootstrapServers());
        IngestApi api = new IngestApi(port);
        byte[] twoDays = Fixtures.hourCsvWhere(date -> date.equals("2011-01-05") || date.equals("2011-01-06"));
        int hours = (int) new String(twoDays).lines().count() - 1;

        BROKER.stop();
        IngestApi.Answer answer = api.postCsv("", twoDays);

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        assertThat(answer.body().path("rowsInserted").asInt()).isEqualTo(hours);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM observation", Long.class))
                .isEqualTo(hours);
        Thread.sleep(2000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL", Long.class))
                .as("nothing can be acknowledged while the broker is down")
                .isEqualTo(hours + 1L);

        BROKER.start();
        try (EventCollector events = new EventCollector(BROKER.bootstrapServers())) {
            assertThat(EventCollector.await(
                            Duration.ofSeconds(90),
                            () -> events.distinct(ActualObserved.class).size() == hours
                                    && events.distinct(ObservationsIngested.class)
                                                    .size()
                                            == 1))
                    .as("all %d actuals and the batch event arrive", hours)
                    .isTrue();
            Set<String> hoursAnnounced = events.distinct(ActualObserved.class).stream()
                    .map(e -> e.hour().toString())
                    .collect(Collectors.toSet());
            assertThat(hoursAnnounced).hasSize(hours);
            ObservationsIngested batch =
                    events.distinct(ObservationsIngested.class).getFirst();
            assertThat(batch.batchId().toString())
                    .isEqualTo(answer.body().path("batchId").asString());
            assertThat(batch.rowsAccepted()).isEqualTo(hours);
        }
        assertThat(EventCollector.await(
                        Duration.ofSeconds(30),
                        () -> jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL", Long.class)
                                == 0))
                .isTrue();
    }
}
