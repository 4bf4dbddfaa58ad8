package io.bikecast.training.run;

import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.registry.ChampionComparison;
import io.bikecast.training.registry.ChampionEvaluator;
import io.bikecast.training.registry.PromotionDecision;
import io.bikecast.training.registry.PromotionPolicy;
import io.bikecast.training.registry.Registration;
import io.bikecast.training.registry.RegistrationService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works off the queue of requested runs, one run at a time per model across every instance of the service: a worker
 * trains only while it holds the model's PostgreSQL session advisory lock, which the database releases by itself if
 * the instance dies. Requests waiting when a run starts are merged into it when they ask for the same settings; the
 * others wait for their own run. After releasing the lock a worker looks again, so a request queued while it was
 * finishing is never stranded.
 */
@Component
public class TrainingWorker {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final TrainingRunRepository runs;
    private final TrainingPipeline pipeline;
    private final ChampionEvaluator champions;
    private final PromotionPolicy policy;
    private final RegistrationService registration;
    private final FailureRecorder failures;
    private final TrainingProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final String workerName = ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("training-worker").factory());

    public TrainingWorker(
            DataSource dataSource,
            TransactionTemplate transactions,
            TrainingRunRepository runs,
            TrainingPipeline pipeline,
            ChampionEvaluator champions,
            PromotionPolicy policy,
            RegistrationService registration,
            FailureRecorder failures,
            TrainingProperties properties,
            JsonMapper json,
            MeterRegistry meters) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.runs = runs;
        this.pipeline = pipeline;
        this.champions = champions;
        this.policy = policy;
        this.registration = registration;
        this.failures = failures;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
    }

    /** Asks this instance's worker thread to drain the queue soon. */
    public void wake() {
        executor.execute(this::drainConfiguredModel);
    }

    /** Picks up runs queued elsewhere (another instance, a restart) that nobody woke this instance for. */
    @Scheduled(
            fixedDelayString = "${bikecast.training.worker-poll-interval:30s}",
            initialDelayString = "${bikecast.training.worker-poll-interval:30s}")
    public void poll() {
        wake();
    }

    private void drainConfiguredModel() {
        try {
            drain(properties.modelName());
        } catch (RuntimeException e) {
            log.error("the training worker failed; queued runs stay queued for the next attempt", e);
        }
    }

    /**
     * Runs every queued run of a model, if no one else is doing so right now.
     *
     * @return how many runs this call executed
     */
    public int drain(String modelName) {
        int executed = 0;
        do {
            try (Connection lockConnection = dataSource.getConnection()) {
                if (!advisoryLock(lockConnection, "pg_try_advisory_lock", modelName)) {
                    return executed;
                }
                try {
                    transactions.executeWithoutResult(status -> {
                        int abandoned = runs.failAbandoned(modelName);
                        if (abandoned > 0) {
                            log.warn(
                                    "marked {} run(s) of {} left running by a stopped instance as failed",
                                    abandoned,
                                    modelName);
                        }
                    });
                    Optional<TrainingRunRepository.QueuedRun> next;
                    while ((next = transactions.execute(status -> runs.claimNext(modelName, workerName))).isPresent()) {
                        execute(next.get());
                        executed++;
                    }
                } finally {
                    advisoryLock(lockConnection, "pg_advisory_unlock", modelName);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not take the training lock of " + modelName, e);
            }
        } while (runs.hasQueued(modelName));
        return executed;
    }

    private void execute(TrainingRunRepository.QueuedRun run) {
        Timer.Sample sample = Timer.start(meters);
        String outcome;
        try {
            RunSettings settings = run.overrides().resolve(properties);
            List<String> violations = settings.violations();
            if (!violations.isEmpty()) {
                throw new TrainingException("invalid settings: " + String.join("; ", violations));
            }
            runs.recordStart(run.id(), json.writeValueAsString(settings));
            log.info(
                    "training run {} of {} ({}: {}), {} request(s) merged into it",
                    run.id(),
                    run.modelName(),
                    run.trigger().dbValue(),
                    run.reason(),
                    run.merged().size());
            PhaseTimer timer = new PhaseTimer();
            TrainedModel trained = pipeline.train(settings, champions.champion(run.modelName()), timer);
            Optional<ChampionComparison> comparison = champions.compare(run.modelName(), trained);
            PromotionDecision decision = policy.decide(trained.metrics(), comparison);
            timer.lap("champion comparison");
            Registration registered = registration.register(
                    run.modelName(),
                    run.id(),
                    trained,
                    decision,
                    comparison.map(ChampionComparison::championVersion),
                    run.trigger().dbValue(),
                    run.reason());
            champions.promoted(run.modelName(), registered, trained.artifactSha256(), trained.model());
            timer.lap("registration");
            outcome = "succeeded";
            meters.counter(
                            "bikecast.training.promotion.decisions",
                            "model",
                            run.modelName(),
                            "decision",
                            registered.decision().outcome())
                    .increment();
            log.info(
                    "run {} registered {} v{} as {} ({}): holdout RMSE {}, R² {}; served fit {}..{} ({} hours); phases: {}",
                    run.id(),
                    run.modelName(),
                    registered.version(),
                    registered.decision().outcome(),
                    String.join("; ", registered.decision().reasons()),
                    trained.metrics().rmse(),
                    trained.metrics().r2(),
                    trained.servedFit().start(),
                    trained.servedFit().end(),
                    trained.servedFit().rows(),
                    timer.summary());
        } catch (RuntimeException e) {
            outcome = "failed";
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("training run {} of {} failed: {}", run.id(), run.modelName(), error, e);
            failures.failed(run.modelName(), run.id(), run.trigger(), error);
        }
        sample.stop(meters.timer("bikecast.training.runs", "model", run.modelName(), "outcome", outcome));
    }

    private static boolean advisoryLock(Connection connection, String function, String modelName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(hashtextextended('bikecast.training:' || ?, 0))")) {
            statement.setString(1, modelName);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
