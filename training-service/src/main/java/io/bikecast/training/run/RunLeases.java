package io.bikecast.training.run;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run at a time per model across every instance, as a lease on the run row: the instance that claims a run
 * records itself as its owner with an expiry ({@code lease_owner}, {@code lease_expires_at}), and a heartbeat renews
 * it while the run works. Another instance may take a running run over only after its lease expired (its owner died,
 * or stopped beating); it then works the run again from the start, and the old owner's guarded updates match no row,
 * so it can record nothing. A run whose lease expired {@link LeaseProperties#maxAttempts()} times is failed as
 * abandoned instead, so a run that kills its instances cannot crash-loop all of them.
 *
 * <p>No lock is held while a run works. Claims are serialized per model by a transaction-scoped advisory lock held only
 * while a claim looks and writes, and the partial unique index {@code training_run_one_running} allows one running row
 * per model even so. Expiries come from the {@link Clock}, so the instances' clocks must agree to well within the
 * lease duration.
 */
@Component
class RunLeases {

    private static final Logger log = LoggerFactory.getLogger(RunLeases.class);

    private static final String REQUEST_COLUMNS =
            "id, model_name, trigger, reason, requested_parameters::text AS requested, attempts";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TrainingRunRepository runs;
    private final FailureRecorder failures;
    private final LeaseProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final String owner;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("run-lease-heartbeat").daemon(true).factory());

    @Autowired
    RunLeases(
            DataSource dataSource,
            TransactionTemplate transactions,
            TrainingRunRepository runs,
            FailureRecorder failures,
            LeaseProperties properties,
            JsonMapper json) {
        this(dataSource, transactions, runs, failures, properties, json, Clock.systemUTC(), instanceId());
    }

    /**
     * @param clock where lease times come from (a test's clock, to let leases expire without waiting)
     * @param owner this instance's id, recorded on every run it claims
     */
    RunLeases(
            DataSource dataSource,
            TransactionTemplate transactions,
            TrainingRunRepository runs,
            FailureRecorder failures,
            LeaseProperties properties,
            JsonMapper json,
            Clock clock,
            String owner) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = transactions;
        this.runs = runs;
        this.failures = failures;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.owner = owner;
    }

    /** The process and a random part: two instances on one host, or one restarted with the same pid, differ. */
    private static String instanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Claims the model's next run for this instance: the running run, if its lease expired (taken over), else the
     * oldest queued run, with every waiting request of the same overrides merged into it.
     *
     * @return empty when a run of the model is leased (by any instance, this one included) or nothing is queued
     */
    Optional<ClaimedRun> claim(String modelName) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('bikecast.training.claim:' || ?, 0))")
                    .param(modelName)
                    .query((rs, n) -> 1)
                    .single();
            Instant now = clock.instant();
            Optional<Lease> running = runningLease(modelName);
            if (running.isPresent()) {
                Lease lease = running.get();
                if (lease.heldAt(now)) {
                    return Optional.empty();
                }
                if (lease.attempts() < properties.maxAttempts()) {
                    log.warn(
                            "taking over run {} of {}: the lease of {} expired at {}",
                            lease.runId(),
                            modelName,
                            lease.owner(),
                            lease.expiresAt());
                    return Optional.of(lease(lease.request(), now, runs.mergedInto(lease.runId())));
                }
                failures.abandoned(
                        modelName,
                        lease.runId(),
                        Trigger.fromDb(lease.request().trigger()),
                        "abandoned: its lease expired " + lease.attempts() + " time(s), the last held by "
                                + lease.owner() + " until " + lease.expiresAt() + "; the instances running it stopped"
                                + " before it finished, and bikecast.training.lease.max-attempts="
                                + properties.maxAttempts() + " allows no further take-over");
            }
            return claimQueued(modelName, now);
        });
    }

    /**
     * Moves the lease of a run this instance holds forward by the lease duration.
     *
     * @return false if the run is no longer this instance's (taken over) or no longer running
     */
    boolean renew(ClaimedRun run) {
        return jdbc.sql("""
                        UPDATE registry.training_run SET lease_expires_at = ?
                        WHERE id = ? AND lease_owner = ? AND status = 'running'""")
                        .params(Timestamp.from(expiry(clock.instant())), run.id(), run.owner())
                        .update()
                == 1;
    }

    /** Renews the run's lease every heartbeat until closed, or until the run turns out to be taken over. */
    Heartbeat keepAlive(ClaimedRun run) {
        Heartbeat heartbeat = new Heartbeat(run);
        long interval = properties.heartbeat().toMillis();
        heartbeat.schedule(heartbeats.scheduleAtFixedRate(heartbeat::beat, interval, interval, TimeUnit.MILLISECONDS));
        return heartbeat;
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    private Optional<ClaimedRun> claimQueued(String modelName, Instant now) {
        while (true) {
            Optional<StoredRequest> oldest = jdbc.sql("SELECT " + REQUEST_COLUMNS + """
                             FROM registry.training_run
                            WHERE model_name = ? AND status = 'queued'
                            ORDER BY requested_at, id
                            LIMIT 1
                            FOR UPDATE""")
                    .param(modelName)
                    .query(RunLeases::storedRequest)
                    .optional();
            if (oldest.isEmpty()) {
                return Optional.empty();
            }
            if (readable(oldest.get())) {
                return Optional.of(lease(oldest.get(), now, mergeInto(oldest.get())));
            }
        }
    }

    /**
     * Whether a queued run's stored request can be read. One that cannot (written by another version, edited by hand)
     * is marked failed with the reason, so that it cannot hold up the runs behind it.
     */
    private boolean readable(StoredRequest stored) {
        try {
            Trigger.fromDb(stored.trigger());
            json.readValue(stored.requested(), RunOverrides.class);
            return true;
        } catch (RuntimeException unreadable) {
            String error = "its stored request cannot be read, so it was never run: "
                    + unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage();
            log.warn("queued run {} of {} failed: {}", stored.id(), stored.modelName(), error);
            jdbc.sql("""
                            UPDATE registry.training_run
                            SET status = 'failed', finished_at = clock_timestamp(), error = ?
                            WHERE id = ?""").params(error, stored.id()).update();
            return false;
        }
    }

    private ClaimedRun lease(StoredRequest stored, Instant now, List<UUID> merged) {
        int attempt = jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'running', started_at = clock_timestamp(), worker = :owner, lease_owner = :owner,
                            lease_expires_at = :expires, attempts = attempts + 1
                        WHERE id = :id
                        RETURNING attempts""")
                .param("owner", owner)
                .param("expires", Timestamp.from(expiry(now)))
                .param("id", stored.id())
                .query(Integer.class)
                .single();
        return new ClaimedRun(
                stored.id(),
                stored.modelName(),
                Trigger.fromDb(stored.trigger()),
                stored.reason(),
                json.readValue(stored.requested(), RunOverrides.class),
                merged,
                owner,
                attempt);
    }

    /** Merges every other queued request of the model with the same overrides into the run being claimed. */
    private List<UUID> mergeInto(StoredRequest claimed) {
        return jdbc.sql("""
                        UPDATE registry.training_run
                        SET status = 'merged', merged_into = :run, finished_at = clock_timestamp()
                        WHERE model_name = :model AND status = 'queued' AND id <> :run
                          AND requested_parameters = (SELECT requested_parameters FROM registry.training_run
                                                      WHERE id = :run)
                        RETURNING id""")
                .param("run", claimed.id())
                .param("model", claimed.modelName())
                .query(UUID.class)
                .list();
    }

    private Optional<Lease> runningLease(String modelName) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + """
                        , lease_owner, lease_expires_at FROM registry.training_run
                        WHERE model_name = ? AND status = 'running'
                        FOR UPDATE""")
                .param(modelName)
                .query((rs, n) -> new Lease(
                        storedRequest(rs, n),
                        rs.getString("lease_owner"),
                        TrainingRunRepository.instant(rs.getTimestamp("lease_expires_at"))))
                .optional();
    }

    private Instant expiry(Instant now) {
        return now.plus(properties.duration());
    }

    private static StoredRequest storedRequest(ResultSet rs, int row) throws SQLException {
        return new StoredRequest(
                rs.getObject("id", UUID.class),
                rs.getString("model_name"),
                rs.getString("trigger"),
                rs.getString("reason"),
                rs.getString("requested"),
                rs.getInt("attempts"));
    }

    /** A run's request as stored, before it is read into a {@link ClaimedRun}. */
    private record StoredRequest(
            UUID id, String modelName, String trigger, String reason, String requested, int attempts) {}

    /**
     * The lease on a running run.
     *
     * @param owner the instance holding it; null for a run left running before leases existed
     * @param expiresAt when it lapses unless renewed; null (lapsed) for a run left running before leases existed
     */
    private record Lease(StoredRequest request, String owner, Instant expiresAt) {

        UUID runId() {
            return request.id();
        }

        int attempts() {
            return request.attempts();
        }

        boolean heldAt(Instant now) {
            return expiresAt != null && expiresAt.isAfter(now);
        }
    }

    /** The renewal of one run's lease while it works; closing it stops the renewal. */
    final class Heartbeat implements AutoCloseable {

        private final ClaimedRun run;
        private volatile ScheduledFuture<?> renewal;

        private Heartbeat(ClaimedRun run) {
            this.run = run;
        }

        private void schedule(ScheduledFuture<?> renewal) {
            this.renewal = renewal;
        }

        private void beat() {
            try {
                if (!renew(run)) {
                    log.warn(
                            "run {} of {} is no longer leased by {}: another instance took it over, and what this"
                                    + " instance trains will be discarded",
                            run.id(),
                            run.modelName(),
                            run.owner());
                    renewal.cancel(false);
                }
            } catch (RuntimeException e) {
                // A database blip: the lease holds for several beats, so the next one may still renew it.
                log.warn("could not renew the lease of run {} of {}: {}", run.id(), run.modelName(), e.toString());
            }
        }

        @Override
        public void close() {
            renewal.cancel(false);
        }
    }
}
