package io.bikecast.ingest.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The ingest service's own metrics, as Prometheus names them:
 *
 * <ul>
 *   <li>{@code bikecast_ingest_rows_total{source, outcome}}: rows by source ({@code csv}, {@code uci}, {@code
 *       observations}) and outcome ({@code accepted}; of those {@code inserted}, {@code updated}, {@code unchanged};
 *       and {@code rejected});
 *   <li>{@code bikecast_ingest_batch_duration_seconds{source, status}}: time per batch, by status ({@code COMMITTED},
 *       {@code REJECTED}, {@code refused} for input refused before validation finished);
 *   <li>{@code bikecast_ingest_last_success_timestamp_seconds{series}}: when rows of a series were last committed, in
 *       Unix epoch seconds (data freshness: alert on {@code time() - bikecast_ingest_last_success_timestamp_seconds}).
 * </ul>
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry, BatchStore batches) {
        this.registry = registry;
        batches.lastCommittedPerSeries().forEach(series -> markFresh(series.seriesId(), series.lastCommitted()));
    }

    void rows(String source, String outcome, int count) {
        Counter.builder("bikecast.ingest.rows")
                .description("Rows ingested, by source and outcome")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }

    void batchDuration(String source, String status, Duration duration) {
        Timer.builder("bikecast.ingest.batch.duration")
                .description("Time to read, validate and store one ingest batch")
                .tag("source", source)
                .tag("status", status)
                .register(registry)
                .record(duration);
    }

    /** Records that rows of a series were committed at {@code when}. */
    void markFresh(String seriesId, Instant when) {
        lastSuccess
                .computeIfAbsent(seriesId, series -> {
                    AtomicLong holder = new AtomicLong();
                    Gauge.builder("bikecast.ingest.last.success.timestamp", holder, AtomicLong::doubleValue)
                            .description("When rows of the series were last committed, in Unix epoch seconds")
                            .baseUnit("seconds")
                            .tag("series", series)
                            .register(registry);
                    return holder;
                })
                .accumulateAndGet(when.getEpochSecond(), Math::max);
    }
}
