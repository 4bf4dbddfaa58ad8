package io.bikecast.prediction.serving;

import io.bikecast.prediction.PredictionProperties;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.prediction.model.ServingModels;
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
 * Keeps the served models in step with the registry's aliases. At start-up it loads the champion and challenger before
 * the web server opens; if the registry cannot be read then, it serves the last champion and challenger from the disk
 * cache instead. Afterwards a {@code model-promoted} event, or the periodic re-check, asks for a refresh, which runs on
 * a background thread: the new version is downloaded and verified there, and only then swapped in. Requests never wait
 * for a load, and a load that fails (registry unreachable, checksum mismatch) leaves the models in hand serving. While
 * the registry cannot be read, or before a first champion is in hand, it tries again every {@code retry-interval}.
 *
 * <p>The registry is the source of truth, not the event: a refresh re-reads both aliases, so events arriving twice,
 * late or out of order do no harm, and a version already in hand (a challenger promoted to champion) is not reloaded.
 * The event only adds a check: the artifact must be the one it announced.
 */
public class ModelRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelRefresher.class);
    private static final String CHAMPION = "champion";
    private static final String CHALLENGER = "challenger";

    private final ModelSource source;
    private final ModelHolder holder;
    private final PredictionProperties properties;
    private final Clock clock;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicReference<RegistryStatus> status = new AtomicReference<>(RegistryStatus.UNKNOWN);
    private volatile boolean servingFromCache;
    private volatile @Nullable ScheduledExecutorService worker;

    public ModelRefresher(ModelSource source, ModelHolder holder, PredictionProperties properties, Clock clock) {
        this.source = source;
        this.holder = holder;
        this.properties = properties;
        this.clock = clock;
    }

    /** A promotion was announced: its artifact must have this checksum; the refresh is asked for. */
    public void promoted(long version, String alias, String artifactSha256) {
        source.announced(version, artifactSha256);
        requestRefresh("model-promoted v" + version + " as " + alias);
    }

    /** Asks for a refresh on the background thread; a request made while one is already queued joins it. */
    public void requestRefresh(String reason) {
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

    public RegistryStatus registryStatus() {
        return status.get();
    }

    /** Whether the models in hand came from the disk cache because the registry could not be read at start-up. */
    public boolean servingFromCache() {
        return servingFromCache;
    }

    public String registryUrl() {
        return source.registryUrl();
    }

    /** Reads both aliases and swaps in whatever changed; never throws. Runs on one thread at a time. */
    synchronized void refresh() {
        String modelName = properties.modelName();
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
            if (champion != current.champion() || challenger != current.challenger()) {
                swap(champion, challenger, current, "the registry");
            }
            servingFromCache = false;
            source.remember(champion, challenger);
            if (championVersion.isEmpty() && current.champion() != null) {
                log.warn("The registry names no champion of {}; still serving {}", modelName, describe(champion));
            }
        } catch (RuntimeException e) {
            boolean unreachable = e instanceof RegistryUnavailableException;
            status.set(status.get().failed(clock.instant(), String.valueOf(e.getMessage()), unreachable));
            log.warn(
                    "Could not refresh {} from the registry; still serving champion {} and challenger {}: {}",
                    modelName,
                    describe(current.champion()),
                    describe(current.challenger()),
                    e.toString());
            if (!current.hasChampion()) {
                serveFromCache(current);
            }
        }
    }

    /** With nothing in hand and the registry unusable, the last champion and challenger kept on disk. */
    private void serveFromCache(ServingModels current) {
        Optional<ServedVersions> lastServed = source.lastServed();
        if (lastServed.isEmpty()) {
            log.warn(
                    "The disk cache holds no champion of {} either: predictions get 503 until the registry answers",
                    properties.modelName());
            return;
        }
        ServedModel champion = fromCache(lastServed.get().champion());
        if (champion == null) {
            return;
        }
        Long challengerVersion = lastServed.get().challenger();
        ServedModel challenger = challengerVersion == null ? null : fromCache(challengerVersion);
        servingFromCache = true;
        swap(champion, challenger, current, "the disk cache (the registry could not be read)");
    }

    private @Nullable ServedModel fromCache(long version) {
        try {
            Optional<ServedModel> cached = source.fromCache(version);
            if (cached.isEmpty()) {
                log.warn("The disk cache has no intact copy of {} v{}", properties.modelName(), version);
            }
            return cached.orElse(null);
        } catch (RuntimeException e) {
            log.warn("The cached copy of {} v{} does not load: {}", properties.modelName(), version, e.toString());
            return null;
        }
    }

    private void swap(
            @Nullable ServedModel champion, @Nullable ServedModel challenger, ServingModels previous, String from) {
        holder.swap(new ServingModels(champion, challenger, clock.instant()));
        log.info(
                "Now serving {} champion {} and challenger {} from {} (was {} and {})",
                properties.modelName(),
                describe(champion),
                describe(challenger),
                from,
                describe(previous.champion()),
                describe(previous.challenger()));
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

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("model-refresher").daemon().factory());
        refresh();
        worker = executor;
        scheduleNext(executor);
    }

    /** The next re-check: soon while the registry is unusable or no champion is in hand, else at the usual interval. */
    private void scheduleNext(ScheduledExecutorService executor) {
        Duration delay = status.get().reachable() && holder.current().hasChampion()
                ? properties.registryRefreshInterval()
                : properties.registry().retryInterval();
        try {
            executor.schedule(
                    () -> {
                        try {
                            refresh();
                        } finally {
                            scheduleNext(executor);
                        }
                    },
                    delay.toMillis(),
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

    /** Early, so the champion is in hand before the web server (a later phase) takes its first request. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    @Override
    public String toString() {
        return "ModelRefresher[" + properties.modelName() + "]";
    }
}
