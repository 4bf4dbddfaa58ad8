package io.bikecast.prediction.history;

import io.bikecast.common.features.DemandHistory;
import io.bikecast.common.series.SeriesId;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent actual counts of every series, as far as this instance has seen them: at most {@code max-hours} hours per
 * series back from its latest actual, and at most {@code max-series} series (an actual of one more drops the series
 * whose latest actual is oldest). Fed by the {@code actual-observed} events and by the rebuild from the ingest service
 * at start-up; until that rebuild has finished, it reports itself not {@link #rebuilt()} and forecasts are made
 * without history. Each recorded actual is told to the {@link ActualsObserver}s. Thread-safe.
 */
public class RecentDemand {

    private static final Logger log = LoggerFactory.getLogger(RecentDemand.class);

    private final int maxHours;
    private final int maxSeries;
    private final Map<String, SeriesDemand> series = new ConcurrentHashMap<>();
    private final AtomicBoolean rebuilt = new AtomicBoolean();
    private final List<ActualsObserver> observers;

    RecentDemand(int maxHours, int maxSeries, List<ActualsObserver> observers) {
        this.maxHours = maxHours;
        this.maxSeries = maxSeries;
        this.observers = List.copyOf(observers);
    }

    /** Records the actual count of a series' hour; a later actual of the same hour replaces it. */
    void record(String seriesId, LocalDateTime hour, double count) {
        SeriesDemand demand = series.get(seriesId);
        if (demand == null) {
            demand = admit(seriesId);
        }
        // Observers first: a forecast issued at this hour, once it is kept, sees what they made of it.
        for (ActualsObserver observer : observers) {
            observer.observed(seriesId, hour, count);
        }
        demand.put(index(hour), count);
    }

    private synchronized SeriesDemand admit(String seriesId) {
        SeriesDemand present = series.get(seriesId);
        if (present != null) {
            return present;
        }
        if (series.size() >= maxSeries) {
            series.entrySet().stream()
                    .min(Comparator.comparingLong(entry -> entry.getValue().latest()))
                    .ifPresent(oldest -> {
                        series.remove(oldest.getKey());
                        log.warn(
                                "Dropped the recent demand of series {} to keep {}: bikecast.prediction.history"
                                        + ".max-series ({}) are kept; raise it if this instance serves more",
                                oldest.getKey(),
                                seriesId,
                                maxSeries);
                    });
        }
        SeriesDemand created = new SeriesDemand(maxHours);
        series.put(seriesId, created);
        return created;
    }

    /** The hours kept per series. */
    int maxHours() {
        return maxHours;
    }

    /** The series kept at most. */
    int maxSeries() {
        return maxSeries;
    }

    void markRebuilt() {
        rebuilt.set(true);
    }

    /** True once the rebuild from the ingest service has finished: before, what is kept may have gaps. */
    public boolean rebuilt() {
        return rebuilt.get();
    }

    /** The latest hour with an actual of the series, if any is kept. */
    /** The series with recent demand whose ids start with the prefix, in id order. */
    public List<SeriesId> seriesStartingWith(String prefix) {
        return series.keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .sorted()
                .map(SeriesId::of)
                .toList();
    }

    public Optional<LocalDateTime> latestHour(SeriesId seriesId) {
        SeriesDemand demand = series.get(seriesId.value());
        if (demand == null || demand.latest() == Long.MIN_VALUE) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.ofEpochSecond(demand.latest() * 3600, 0, ZoneOffset.UTC));
    }

    /**
     * The series' demand as it was known at {@code issuedAt}: an hour after it is empty whatever is kept, which is what
     * keeps a forecast from looking ahead of its issue time. Empty throughout until {@link #rebuilt()}.
     */
    public DemandHistory asOf(SeriesId seriesId, LocalDateTime issuedAt) {
        SeriesDemand demand = series.get(seriesId.value());
        if (demand == null || !rebuilt()) {
            return hour -> OptionalDouble.empty();
        }
        long last = index(issuedAt);
        return hour -> {
            long wanted = index(hour);
            return wanted > last ? OptionalDouble.empty() : demand.get(wanted);
        };
    }

    /** Hours since 1970 on the series' local clock, the way the history features count hours. */
    private static long index(LocalDateTime hour) {
        return Math.floorDiv(hour.toEpochSecond(ZoneOffset.UTC), 3600);
    }
}
