package io.bikecast.prediction.serving;

import io.bikecast.common.registry.ModelRegistryReader;
import io.bikecast.prediction.config.PredictionProperties;
import io.bikecast.prediction.model.ModelLoader;
import io.bikecast.prediction.model.ServedModel;
import io.bikecast.prediction.model.ServingModels;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
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
 * the web server opens; afterwards a {@code model-promoted} event, or the periodic re-check, asks for a refresh, which
 * runs on a background thread: the new version is loaded and verified there, and only then swapped in. Requests never
 * wait for a load, and a load that fails (registry unreachable, checksum mismatch) leaves the models in hand serving.
 *
 * <p>The registry is the source of truth, not the event: a refresh re-reads both aliases, so events arriving twice,
 * late or out of order do no harm, and a version already in hand (a challenger promoted to champion) is not reloaded.
 */
public class ModelRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelRefresher.class);

    private final ModelRegistryReader registry;
    private final ModelLoader loader;
    private final ModelHolder holder;
    private final PredictionProperties properties;
    private final Clock clock;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicReference<RegistryStatus> status = new AtomicReference<>(RegistryStatus.UNKNOWN);
    private volatile @Nullable ScheduledExecutorService worker;

    public ModelRefresher(
            ModelRegistryReader registry,
            ModelLoader loader,
            ModelHolder holder,
            PredictionProperties properties,
            Clock clock) {
        this.registry = registry;
        this.loader = loader;
        this.holder = holder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks for a refresh on the background thread; a request made while one is already queued joins it. */
    public void requestRefresh(String reason) {
        ScheduledExecutorService executor = worker;
        if (executor != null && pending.compareAndSet(false, true)) {
            log.debug("Registry refresh requested: {}", reason);
            executor.execute(() -> {
                pending.set(false);
                refresh();
            });
        }
    }

    public RegistryStatus registryStatus() {
        return status.get();
    }

    /** Reads both aliases and swaps in whatever changed; never throws. Runs on one thread at a time. */
    synchronized void refresh() {
        String modelName = properties.modelName();
        ServingModels current = holder.current();
        try {
            Optional<Long> championVersion = registry.aliasVersion(modelName, ModelRegistryReader.CHAMPION);
            Optional<Long> challengerVersion = registry.aliasVersion(modelName, ModelRegistryReader.CHALLENGER);
            ServedModel champion =
                    championVersion.map(version -> resolve(version, current)).orElse(current.champion());
            ServedModel challenger =
                    challengerVersion.map(version -> resolve(version, current)).orElse(null);
            status.set(new RegistryStatus(clock.instant(), null, null));
            if (champion != current.champion() || challenger != current.challenger()) {
                holder.swap(new ServingModels(champion, challenger, clock.instant()));
                log.info(
                        "Now serving {} champion {} and challenger {} (was {} and {})",
                        modelName,
                        describe(champion),
                        describe(challenger),
                        describe(current.champion()),
                        describe(current.challenger()));
            }
            if (championVersion.isEmpty() && current.champion() != null) {
                log.warn("The registry names no champion of {}; still serving {}", modelName, describe(champion));
            }
        } catch (RuntimeException e) {
            RegistryStatus previous = status.get();
            status.set(new RegistryStatus(previous.lastSuccess(), clock.instant(), String.valueOf(e.getMessage())));
            log.warn(
                    "Could not refresh {} from the registry; still serving champion {} and challenger {}: {}",
                    modelName,
                    describe(current.champion()),
                    describe(current.challenger()),
                    e.toString());
        }
    }

    /** The model in hand if it already is this version, else the version freshly loaded and verified. */
    private ServedModel resolve(long version, ServingModels current) {
        for (ServedModel inHand : new ServedModel[] {current.champion(), current.challenger()}) {
            if (inHand != null && inHand.version() == version) {
                return inHand;
            }
        }
        return loader.load(properties.modelName(), version);
    }

    private static String describe(@Nullable ServedModel model) {
        return model == null ? "none" : "v" + model.version();
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("model-refresher").daemon().factory());
        refresh();
        long period = properties.registryRefreshInterval().toMillis();
        executor.scheduleWithFixedDelay(
                () -> requestRefresh("periodic re-check"), period, period, TimeUnit.MILLISECONDS);
        worker = executor;
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
