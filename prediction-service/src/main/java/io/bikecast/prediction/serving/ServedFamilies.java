package io.bikecast.prediction.serving;

import java.util.List;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * The model families served beside the default model ({@code bikecast.prediction.families}): each with a holder and a
 * refresher of its own, reading its champion and challenger from the training service's registry with {@code
 * ?model=}, so a family is loaded, swapped and refused exactly as the default model is, and one family's registry
 * trouble leaves the others serving. Readiness stays the default model's: a family without a champion answers its own
 * series with 503 {@code no-champion} and holds nothing else up.
 */
public class ServedFamilies implements SmartLifecycle {

    /**
     * One family as served.
     *
     * @param modelName its registry name
     * @param seriesPrefix what the ids of the series it serves start with
     * @param holder what it serves now
     */
    public record Served(String modelName, String seriesPrefix, ModelHolder holder) {}

    record Family(Served served, ModelRefresher refresher) {}

    private final List<Family> families;
    private volatile boolean running;

    ServedFamilies(List<Family> families) {
        this.families = List.copyOf(families);
    }

    /** Every family, in configuration order. */
    public List<Served> all() {
        return families.stream().map(Family::served).toList();
    }

    /** The refresher of the family of that name, if one is served. */
    Optional<ModelRefresher> refresher(String modelName) {
        return families.stream()
                .filter(family -> family.served().modelName().equals(modelName))
                .map(Family::refresher)
                .findFirst();
    }

    @Override
    public void start() {
        families.forEach(family -> family.refresher().start());
        running = true;
    }

    @Override
    public void stop() {
        families.forEach(family -> family.refresher().stop());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started and stopped with the default model's refresher. */
    @Override
    public int getPhase() {
        return families.isEmpty() ? 0 : families.getFirst().refresher().getPhase();
    }
}
