package io.bikecast.ingest.gbfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.ingest.IngestApi;
import io.bikecast.ingest.IngestApplication;
import io.bikecast.ingest.LocalHttpServer;
import io.bikecast.testsupport.InfrastructureAvailability;
import io.bikecast.testsupport.SharedInfrastructure;
import io.bikecast.testsupport.TestInfrastructure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service is stopped halfway through a day of snapshots and started again on the same database: every snapshot
 * stored before is still there, the first snapshot after the restart is derived against the last one before it, and
 * the hours come out exactly as if the service had never stopped.
 */
@ExtendWith(InfrastructureAvailability.class)
class GbfsRestartTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aRestartLosesNoSnapshotAndTheDerivationContinues() throws IOException {
        TestInfrastructure infrastructure = SharedInfrastructure.get();
        String database = SharedInfrastructure.createDatabase();
        Instant start = LocalDateTime.parse("2026-06-01T00:00").atZone(NEW_YORK).toInstant();
        Scenario scenario = new Scenario(11, 20, start, Duration.ofMinutes(15), 97);
        TestClock clock = new TestClock(start);
        try (LocalHttpServer server = new LocalHttpServer()) {
            FeedWriter feed = new FeedWriter(server, "/restart", "2.3");
            String url = feed.serveDiscovery("America/New_York", 60);
            feed.serveStations(start, scenario.stations);
            String[] args = {
                "--server.port=0",
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--bikecast.security.api-key.key=" + IngestApi.KEY,
                "--bikecast.ingest.fetch.allowed-addresses=127.0.0.1/32",
                "--bikecast.ingest.gbfs.scheduler=false",
                "--bikecast.ingest.gbfs.systems[0].id=restart",
                "--bikecast.ingest.gbfs.systems[0].auto-discovery-url=" + url,
                "--logging.level.root=WARN"
            };
            try (ConfigurableApplicationContext first = start(clock, args)) {
                poll(first, feed, scenario, clock, 0, 50);
            }
            try (ConfigurableApplicationContext second = start(clock, args)) {
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM gbfs_snapshot", Integer.class))
                        .isEqualTo(50);
                poll(second, feed, scenario, clock, 50, 97);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM gbfs_snapshot", Integer.class))
                        .isEqualTo(97);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM gbfs_station", Integer.class))
                        .isEqualTo(20);
                var expected =
                        scenario.expectedHours(IntStream.range(0, 97).boxed().toList(), NEW_YORK, 10);
                List<Scenario.Hour> stored = jdbc.query(
                        """
                        SELECT departures, arrivals, rebalancing, snapshots, station_empty, station_full,
                            not_renting, not_installed, not_reporting
                        FROM gbfs_station_hour WHERE station_id = ? AND hour_start = ?
                        """,
                        (rs, n) -> new Scenario.Hour(
                                rs.getInt(1),
                                rs.getInt(2),
                                rs.getBoolean(3),
                                rs.getInt(4),
                                rs.getBoolean(5),
                                rs.getBoolean(6),
                                rs.getBoolean(7),
                                rs.getBoolean(8),
                                rs.getBoolean(9)),
                        scenario.stations.get(3).stationId(),
                        scenario.times
                                .get(50)
                                .atZone(NEW_YORK)
                                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                                .toOffsetDateTime());
                assertThat(stored)
                        .containsExactly(expected.get(new Scenario.Key(
                                scenario.stations.get(3).stationId(),
                                scenario.times
                                        .get(50)
                                        .atZone(NEW_YORK)
                                        .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                                        .toInstant())));
                assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM gbfs_station_hour WHERE snapshots > 0", Integer.class))
                        .isEqualTo(expected.size());
                assertThat(jdbc.queryForObject("SELECT sum(departures) FROM gbfs_station_hour", Integer.class))
                        .isEqualTo(expected.values().stream()
                                .mapToInt(Scenario.Hour::departures)
                                .sum());
                assertThat(jdbc.queryForObject("SELECT sum(arrivals) FROM gbfs_station_hour", Integer.class))
                        .isEqualTo(expected.values().stream()
                                .mapToInt(Scenario.Hour::arrivals)
                                .sum());
            }
        }
    }

    private static ConfigurableApplicationContext start(TestClock clock, String[] args) {
        SpringApplication application = new SpringApplication(IngestApplication.class);
        application.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("testClock", InstantSource.class, () -> clock, bean -> bean.setPrimary(true)));
        return application.run(args);
    }

    private static void poll(
            ConfigurableApplicationContext context,
            FeedWriter feed,
            Scenario scenario,
            TestClock clock,
            int from,
            int to) {
        GbfsPoller poller = context.getBean(GbfsPoller.class);
        for (int t = from; t < to; t++) {
            feed.serveStatus(scenario.times.get(t), 60, scenario.snapshots.get(t));
            clock.set(scenario.times.get(t).plusSeconds(10));
            assertThat(poller.pollOnce("restart").outcome()).isEqualTo(GbfsPoller.Outcome.STORED);
        }
    }
}
