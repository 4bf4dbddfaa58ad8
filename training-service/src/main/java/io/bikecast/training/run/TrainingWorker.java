package io.bikecast.training.run;

import io.bikecast.training.config.ModelFamily;
import io.bikecast.training.config.TrainingProperties;
import io.bikecast.training.promotion.PromotionDecision;
import io.bikecast.training.promotion.PromotionGate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works off the queue of requested runs, one run at a time per model across every instance of the service: a worker
 * trains only a run it holds the lease of ({@link RunLeases}), and renews the lease while it trains. Requests waiting
 * when a run starts are merged into it when they ask for the same settings; the others wait for their own run. After
 * each run a worker claims again, so a request queued while it was finishing is never stranded.
 */
@Component
public class TrainingWorker {

    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final RunLeases leases;
    private final TrainingRunRepository runs;
    private final TrainingPipeline pipeline;
    private final PromotionGate promotions;
    private final RunRegistration registration;
    private final FailureRecorder failures;
    private final TrainingProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("training-worker").factory());

    TrainingWorker(
            RunLeases leases,
            TrainingRunRepository runs,
            TrainingPipeline pipeline,
            PromotionGate promotions,
            RunRegistration registration,
            FailureRecorder failures,
            TrainingProperties properties,
            JsonMapper json,
            MeterRegistry meters) {
        this.leases = leases;
        this.runs = runs;
        this.pipeline = pipeline;
        this.promotions = promotions;
        this.registration = registration;
        this.failures = failures;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
    }

    /** Asks this instance's worker thread to drain the queue soon. */
    public void wake() {
        executor.execute(this::drainConfiguredModels);
    }

    /**
     * Picks up runs queued elsewhere (another instance, a restart) that nobody woke this instance for, and runs whose
     * lease expired.
     */
    @Scheduled(
            fixedDelayString = "${bikecast.training.worker-poll-interval:30s}",
            initialDelayString = "${bikecast.training.worker-poll-interval:30s}")
    public void poll() {
        wake();
    }

    private void drainConfiguredModels() {
        for (ModelFamily model : properties.models()) {
            try {
                drain(model.modelName());
            } catch (RuntimeException e) {
                log.error(
                        "the training worker failed on {}; queued runs stay queued for the next attempt",
                        model.modelName(),
                        e);
            }
        }
    }

    /**
     * Runs every queued run of a model, one after the other, unless a run of it is leased (here or elsewhere).
     *
     * @return how many runs this call executed
     */
    public int drain(String modelName) {
        int executed = 0;
        Optional<ClaimedRun> next;
        while ((next = leases.claim(modelName)).isPresent()) {
            execute(next.get());
            executed++;
        }
        return executed;
    }

    private void execute(ClaimedRun run) {
        Timer.Sample sample = Timer.start(meters);
        String outcome;
        try (RunLeases.Heartbeat heartbeat = leases.keepAlive(run)) {
            train(run);
            outcome = "succeeded";
        } catch (RunTakenOverException e) {
            outcome = "taken-over";
            log.warn("training run {} of {}: {}", run.id(), run.modelName(), e.getMessage());
        } catch (RuntimeException e) {
            outcome = "failed";
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("training run {} of {} failed: {}", run.id(), run.modelName(), error, e);
            failures.failed(run, error);
        }
        sample.stop(meters.timer("bikecast.training.runs", "model", run.modelName(), "outcome", outcome));
    }

    private void train(ClaimedRun run) {
        RunSettings settings = run.overrides().resolve(properties, run.modelName());
        List<String> violations = settings.violations();
        if (!violations.isEmpty()) {
            throw new TrainingException("invalid settings: " + String.join("; ", violations));
        }
        if (!runs.recordStart(run, json.writeValueAsString(settings))) {
            throw new RunTakenOverException(run.id(), run.owner());
        }
        log.info(
                "training run {} of {} ({}: {}), attempt {} on {}, {} request(s) merged into it",
                run.id(),
                run.modelName(),
                run.trigger().dbValue(),
                run.reason(),
                run.attempt(),
                run.owner(),
                run.merged().size());
        ModelFamily model = properties
                .model(run.modelName())
                .orElseThrow(() -> new TrainingException("this service no longer trains " + run.modelName()
                        + ": it is not bikecast.training.model-name nor one of bikecast.training.families"));
        PhaseTimer timer = new PhaseTimer();
        TrainedModel trained = pipeline.train(model.series(), settings, promotions.champion(run.modelName()), timer);
        PromotionDecision decision = promotions.decide(
                run.modelName(),
                trained.split(),
                trained.chosen().holdoutForecasts(),
                trained.history(),
                trained.metrics());
        timer.lap("champion comparison");
        Registration registered = registration.register(run, trained, decision);
        promotions.registered(
                run.modelName(),
                registered.version(),
                registered.decision(),
                trained.artifactSha256(),
                trained.forecaster());
        timer.lap("registration");
        meters.counter(
                        "bikecast.training.promotion.decisions",
                        "model",
                        run.modelName(),
                        "decision",
                        registered.decision().outcome())
                .increment();
        log.info(
                "run {} registered {} v{} ({}, chosen of {}) as {} ({}): holdout RMSE {} (mean over the leads with"
                        + " history), R² {}; served fit {}..{} ({} hours, {} tree nodes, {} bytes stored); phases: {}",
                run.id(),
                run.modelName(),
                registered.version(),
                trained.forecaster().algorithm(),
                trained.candidates().size(),
                registered.decision().outcome(),
                String.join("; ", registered.decision().reasons()),
                trained.metrics().rmse(),
                trained.metrics().r2(),
                trained.servedFit().start(),
                trained.servedFit().end(),
                trained.servedFit().rows(),
                trained.treeNodes(),
                trained.artifact().length,
                timer.summary());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
