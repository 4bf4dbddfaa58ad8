package io.bikecast.prediction.serving;

import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.model.ModelRefusedException;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.registry.client.ModelVersion;
import io.bikecast.registry.client.RegistryUnavailableException;
import io.bikecast.registry.client.ServedVersions;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the served models in step with the registry's aliases, on one background thread, so that nothing waits for a
 * model: not the start-up, not a request. Started, it first serves the last champion and challenger from the disk cache
 * (local and verified, so a restart is ready at once), then reads the registry and swaps in whatever it names.
 * Afterwards a {@code model-promoted} event, or the periodic re-check, asks for a refresh; the new version is
 * downloaded and verified on the background thread and only then swapped in. A refresh that fails (registry
 * unreachable, a model refused) leaves the models in hand serving, and is tried again after {@code retry-interval},
 * doubling up to {@code max-retry-interval} while it keeps failing; until a first champion is in hand it looks every
 * {@code retry-interval}. Until then predictions get 503 and readiness is down ({@link ChampionReadiness}).
 *
 * <p>The registry is the source of truth, not the event: a refresh re-reads both aliases, so events arriving twice,
 * late or out of order do no harm, and a version already in hand (a challenger promoted to champion, or the version the
 * disk cache gave) is not reloaded. The event only adds a check: the artifact must be the one it announced.
 */
class ModelRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelRefresher.class);
    private static final String CHAMPION = "champion";
    private static final String CHALLENGER = "challenger";

    /** Doublings of the retry interval after which the wait stops growing, whatever the ceiling. */
    private static final int MAX_DOUBLINGS = 20;

    private final ModelSource source;
    private final ModelHolder holder;
    private final ServingMetrics metrics;
    private final PredictionProperties properties;
    private final Clock clock;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicReference<RegistryStatus> status = new AtomicReference<>(RegistryStatus.UNKNOWN);
    private volatile boolean servingFromCache;
    private volatile int failuresInARow;
    private volatile @Nullable ScheduledExecutorService worker;

    ModelRefresher(
            ModelSource source,
            ModelHolder holder,
            ServingMetrics metrics,
            PredictionProperties properties,
            Clock clock) {
        this.source = source;
        this.holder = holder;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** A promotion was announced: its artifact must have this checksum; the refresh is asked for. */
    void promoted(long version, String alias, String artifactSha256) {
        source.announced(version, artifactSha256);
        requestRefresh("model-promoted v" + version + " as " + alias);
    }

    /** Asks for a refresh on the background thread; a request made while one is already queued joins it. */
    void requestRefresh(String reason) {
        ScheduledExecutorService executor = worker;
        if (executor != null && pending.compareAndSet(false, true)) {
            log.debug("Registry refresh requested: {}", reason);
            try {
                executor.execute(() -> {
                    pending.set(false);
                    refresh();
                });
            } catch (RejectedExecutionException e) {
                pending.set(false);
            }
        }
    }

    RegistryStatus registryStatus() {
        return status.get();
    }

    /** Whether the models in hand came from the disk cache and the registry has not been read since. */
    boolean servingFromCache() {
        return servingFromCache;
    }

    String registryUrl() {
        return source.registryUrl();
    }

    /** The start-up load: the disk cache first, which is local and quick; then the registry, which may be away. */
    void startUp() {
        serveLastFromCache();
        refresh();
    }

    /** Reads both aliases and swaps in whatever changed; never throws. Runs on one thread at a time. */
    synchronized void refresh() {
        String modelName = source.modelName();
        ServingModels current = holder.current();
        try {
            Optional<ModelVersion> championVersion = source.alias(CHAMPION);
            Optional<ModelVersion> challengerVersion = source.alias(CHALLENGER);
            ServedModel champion =
                    championVersion.map(version -> resolve(version, current)).orElse(current.champion());
            ServedModel challenger =
                    challengerVersion.map(version -> resolve(version, current)).orElse(null);
            status.set(status.get()
                    .succeeded(
                            clock.instant(),
                            championVersion.map(ModelVersion::version).orElse(null)));
            failuresInARow = 0;
            if (champion != current.champion() || challenger != current.challenger()) {
                swap(champion, challenger, current, "the registry");
            }
            servingFromCache = false;
            source.remember(champion, challenger);
            if (championVersion.isEmpty() && current.champion() != null) {
                log.warn("The registry names no champion of {}; still serving {}", modelName, describe(champion));
            }
        } catch (ModelRefusedException e) {
            refused(e, current);
            failed(e.getMessage(), false);
        } catch (RuntimeException e) {
            failed(String.valueOf(e.getMessage()), e instanceof RegistryUnavailableException);
            log.warn(
                    "Could not refresh {} from the registry (attempt {} in a row, next in {}); still serving champion"
                            + " {} and challenger {}: {}",
                    modelName,
                    failuresInARow,
                    nextDelay(),
                    describe(current.champion()),
                    describe(current.challenger()),
                    e.toString());
        }
    }

    /**
     * How long until the next re-check: the refresh interval while all is well, the retry interval while no champion
     * is in hand, and the retry interval doubled for each failure in a row, up to its ceiling.
     */
    Duration nextDelay() {
        PredictionProperties.Registry registry = properties.registry();
        int failures = failuresInARow;
        if (failures > 0) {
            Duration backedOff = registry.retryInterval().multipliedBy(1L << Math.min(failures - 1, MAX_DOUBLINGS));
            return backedOff.compareTo(registry.maxRetryInterval()) > 0 ? registry.maxRetryInterval() : backedOff;
        }
        return holder.current().hasChampion() ? properties.registryRefreshInterval() : registry.retryInterval();
    }

    private void failed(String why, boolean unreachable) {
        status.set(status.get().failed(clock.instant(), why, unreachable));
        failuresInARow = failuresInARow + 1;
    }

    /** Says why a version is not served, and what is served instead. */
    private void refused(ModelRefusedException e, ServingModels current) {
        metrics.refused(e.reason());
        log.error(
                "Refused a model of {} ({}): {}. {}",
                source.modelName(),
                e.reason().tag(),
                e.getMessage(),
                current.hasChampion()
                        ? "Still serving champion " + describe(current.champion()) + " and challenger "
                                + describe(current.challenger())
                        : "No champion in hand: predictions get 503 and readiness stays down until a usable one is"
                                + " in the registry");
    }

    /** The last champion and challenger kept on disk, if there are any and they load. */
    private void serveLastFromCache() {
        Optional<ServedVersions> lastServed = source.lastServed();
        if (lastServed.isEmpty()) {
            log.info(
                    "The disk cache holds no champion of {}: waiting for the registry at {}",
                    source.modelName(),
                    source.registryUrl());
            return;
        }
        ServedModel champion = fromCache(lastServed.get().champion());
        if (champion == null) {
            return;
        }
        Long challengerVersion = lastServed.get().challenger();
        ServedModel challenger = challengerVersion == null ? null : fromCache(challengerVersion);
        servingFromCache = true;
        swap(champion, challenger, holder.current(), "the disk cache, until the registry answers");
    }

    private @Nullable ServedModel fromCache(long version) {
        try {
            Optional<ServedModel> cached = source.fromCache(version);
            if (cached.isEmpty()) {
                log.warn("The disk cache has no intact copy of {} v{}", source.modelName(), version);
            }
            return cached.orElse(null);
        } catch (ModelRefusedException e) {
            refused(e, holder.current());
            return null;
        } catch (RuntimeException e) {
            log.warn("The cached copy of {} v{} does not load: {}", source.modelName(), version, e.toString());
            return null;
        }
    }

    private void swap(
            @Nullable ServedModel champion, @Nullable ServedModel challenger, ServingModels previous, String from) {
        holder.swap(new ServingModels(champion, challenger, clock.instant()));
        log.info(
                "Now serving {} champion {} and challenger {} from {} (was {} and {})",
                source.modelName(),
                describe(champion),
                describe(challenger),
                from,
                describe(previous.champion()),
                describe(previous.challenger()));
        if (champion != null && !previous.hasChampion()) {
            log.info("A champion is in hand: the service is ready for traffic");
        }
    }

    /** The model in hand if it already is this version with this artifact, else the version freshly fetched. */
    private ServedModel resolve(ModelVersion version, ServingModels current) {
        for (ServedModel inHand : new ServedModel[] {current.champion(), current.challenger()}) {
            if (inHand != null
                    && inHand.version() == version.version()
                    && inHand.artifactSha256().equalsIgnoreCase(version.artifactSha256())) {
                return inHand;
            }
        }
        return source.fetch(version);
    }

    private static String describe(@Nullable ServedModel model) {
        return model == null ? "none" : "v" + model.version();
    }

    /** Starts the background thread with the start-up load, and returns at once. */
    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("model-refresher").daemon().factory());
        worker = executor;
        executor.execute(() -> runThenScheduleNext(executor, this::startUp));
    }

    private void runThenScheduleNext(ScheduledExecutorService executor, Runnable task) {
        try {
            task.run();
        } finally {
            scheduleNext(executor);
        }
    }

    private void scheduleNext(ScheduledExecutorService executor) {
        try {
            executor.schedule(
                    () -> runThenScheduleNext(executor, this::refresh),
                    nextDelay().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Stopped: no further registry re-check");
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = worker;
        worker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Early, so that the load begins as soon as the context can run it; it holds nothing up. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    @Override
    public String toString() {
        return "ModelRefresher[" + source.modelName() + "]";
    }
}
