package io.bikecast.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.testsupport.RealInfrastructure;
import io.bikecast.training.FakeIngest;
import io.bikecast.training.forecast.Algorithm;
import io.bikecast.training.forecast.BoostingParameters;
import io.bikecast.training.forest.ForestParameters;
import io.bikecast.training.promotion.PromotionDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, point 10: the lease that keeps one run at a time per model, with two instances' worth of claimers on the
 * real database (owners {@code instance-a} and {@code instance-b}) and a clock the test moves, so a lease expires
 * without anyone waiting. Each test works on a model of its own; the service's own worker never polls here.
 */
@SpringBootTest(properties = "bikecast.training.worker-poll-interval=1h")
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunLeaseTest {

    private static final LeaseProperties LEASE = new LeaseProperties(Duration.ofMinutes(1), Duration.ofSeconds(20), 2);
    private static final RunOverrides ANOTHER_SEED =
            new RunOverrides(null, null, null, null, null, 7L, null, null, null, null);
    private static final RunSettings SMALL_FOREST = new RunSettings(
            List.of(Algorithm.RANDOM_FOREST),
            new ForestParameters(4, 4, 5f, 0f, 0.99f, 1L, 2),
            BoostingParameters.DEFAULTS,
            4320,
            null,
            7,
            null);

    private static final FakeIngest INGEST = FakeIngest.start();

    @DynamicPropertySource
    static void readTheFakeIngestService(DynamicPropertyRegistry properties) {
        properties.add("bikecast.training.ingest.base-url", INGEST::baseUrl);
    }

    @Autowired
    private DataSource dataSource;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private TrainingRunRepository runs;

    @Autowired
    private FailureRecorder failures;

    @Autowired
    private RunRegistration registration;

    @Autowired
    private TrainingPipeline pipeline;

    @Autowired
    private JsonMapper json;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    private JdbcClient jdbc;
    private RunLeases instanceA;
    private RunLeases instanceB;

    @BeforeAll
    void twoInstancesOnOneDatabaseAndJanuary2011InTheIngestService() {
        jdbc = JdbcClient.create(dataSource);
        instanceA = new RunLeases(dataSource, transactions, runs, failures, LEASE, json, clock, "instance-a");
        instanceB = new RunLeases(dataSource, transactions, runs, failures, LEASE, json, clock, "instance-b");
        INGEST.store(LocalDate.of(2011, 1, 1), LocalDate.of(2011, 2, 1));
    }

    @AfterAll
    void stopTheIngestService() {
        INGEST.close();
    }

    @Test
    void aSecondInstanceCannotClaimALeasedRunAndTakesItOverOnlyAfterTheLeaseExpired() {
        String model = "take-over";
        UUID first = enqueue(model, RunOverrides.NONE);
        UUID waiting = enqueue(model, ANOTHER_SEED);

        ClaimedRun claimed = instanceA.claim(model).orElseThrow();
        assertThat(claimed.id()).isEqualTo(first);
        assertThat(claimed.owner()).isEqualTo("instance-a");
        assertThat(claimed.attempt()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(50));
        // One run at a time per model: the waiting request waits too.
        assertThat(instanceB.claim(model)).isEmpty();
        assertThat(instanceA.claim(model)).isEmpty();
        // The heartbeat moves the lease to a minute from now.
        assertThat(instanceA.renew(claimed)).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(instanceB.claim(model)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        ClaimedRun takenOver = instanceB.claim(model).orElseThrow();
        assertThat(takenOver.id()).isEqualTo(first);
        assertThat(takenOver.owner()).isEqualTo("instance-b");
        assertThat(takenOver.attempt()).isEqualTo(2);
        assertThat(column(first, "lease_owner")).isEqualTo("instance-b");
        assertThat(column(first, "status")).isEqualTo("running");
        assertThat(column(waiting, "status")).isEqualTo("queued");
        // The stale owner's next heartbeat finds that it lost the run.
        assertThat(instanceA.renew(claimed)).isFalse();
        assertThat(instanceA.claim(model)).isEmpty();
    }

    @Test
    void theStaleOwnersFinalUpdateIsRefusedAndRegistersNothingWhileTheNewOwnersIsRecorded() {
        String model = "stale-owner";
        UUID id = enqueue(model, RunOverrides.NONE);
        ClaimedRun stale = instanceA.claim(model).orElseThrow();
        TrainedModel trained = pipeline.train(SMALL_FOREST);
        PromotionDecision first = new PromotionDecision(
                PromotionDecision.CHAMPION,
                List.of("the first version"),
                trained.metrics(),
                null,
                null,
                null,
                null,
                null,
                null);
        clock.advance(LEASE.duration().plusSeconds(1));
        ClaimedRun current = instanceB.claim(model).orElseThrow();

        assertThatThrownBy(() -> registration.register(stale, trained, first))
                .isInstanceOf(RunTakenOverException.class)
                .hasMessageContaining("no longer leased by instance-a");
        failures.failed(stale, "RuntimeException: finished too late");

        assertThat(versions(model)).isZero();
        assertThat(events(model)).isEmpty();
        assertThat(column(id, "status")).isEqualTo("running");
        assertThat(column(id, "lease_owner")).isEqualTo("instance-b");
        assertThat(column(id, "error")).isNull();

        Registration registered = registration.register(current, trained, first);

        assertThat(registered.version()).isEqualTo(1);
        assertThat(versions(model)).isEqualTo(1);
        assertThat(column(id, "status")).isEqualTo("succeeded");
        assertThat(column(id, "model_version")).isEqualTo("1");
        assertThat(events(model)).containsExactly("model-trained", "model-promoted");
    }

    @Test
    void aRunWhoseLeaseKeepsExpiringIsFailedAsAbandonedAndTheQueueMovesOn() {
        String model = "abandoned";
        UUID doomed = enqueue(model, RunOverrides.NONE);
        UUID behind = enqueue(model, ANOTHER_SEED);
        assertThat(instanceA.claim(model).orElseThrow().id()).isEqualTo(doomed);
        clock.advance(LEASE.duration().plusSeconds(1));
        assertThat(instanceB.claim(model).orElseThrow().attempt()).isEqualTo(2);
        clock.advance(LEASE.duration().plusSeconds(1));

        ClaimedRun next = instanceA.claim(model).orElseThrow();

        assertThat(next.id()).isEqualTo(behind);
        assertThat(column(doomed, "status")).isEqualTo("failed");
        assertThat(column(doomed, "error"))
                .startsWith("abandoned: its lease expired 2 time(s), the last held by instance-b")
                .contains("bikecast.training.lease.max-attempts=2");
        assertThat(events(model)).containsExactly("training-failed");
    }

    @Test
    void aHeartbeatShorterThanTheLeaseIsRequired() {
        assertThatThrownBy(() -> new LeaseProperties(Duration.ofSeconds(20), Duration.ofSeconds(20), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bikecast.training.lease.heartbeat (PT20S) must be positive and shorter than"
                        + " bikecast.training.lease.duration (PT20S)");
    }

    private UUID enqueue(String model, RunOverrides overrides) {
        return runs.enqueue(model, Trigger.API, "lease test", overrides, null).orElseThrow();
    }

    private String column(UUID run, String column) {
        return jdbc.sql("SELECT " + column + "::text FROM registry.training_run WHERE id = ?")
                .param(run)
                .query((rs, row) -> rs.getString(1))
                .list()
                .getFirst();
    }

    private long versions(String model) {
        return jdbc.sql("SELECT count(*) FROM registry.model_version WHERE model_name = ?")
                .param(model)
                .query(Long.class)
                .single();
    }

    /** The types of the events the model's changes appended to the outbox, in order. */
    private List<String> events(String model) {
        return jdbc.sql("SELECT payload ->> 'type' FROM registry.outbox WHERE payload ->> 'modelName' = ? ORDER BY id")
                .param(model)
                .query(String.class)
                .list();
    }

    /** A clock that stands still until the test moves it. */
    private static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
