package io.bikecast.ingest.gbfs;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.ingest.batch.BatchReport;
import io.bikecast.ingest.batch.IngestService;
import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.contract.BatchValidation;
import io.bikecast.ingest.contract.CandidateRow;
import io.bikecast.ingest.contract.IngestMode;
import io.bikecast.ingest.contract.Violation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns closed station hours into observations of their stations' series. Each run handles every closed hour of a
 * system not handled before, in one transaction per batch of at most {@code bikecast.ingest.max-rows} hours, under the
 * system's advisory lock:
 *
 * <ul>
 *   <li>a censored hour (empty, full, not renting, not installed, not reporting) or one with a rebalancing step is
 *       marked {@code CENSORED} or {@code REBALANCING} and never becomes an observation: its departures are only a
 *       lower bound of its demand;
 *   <li>an hour whose UTC hour has observed weather at the weather location named like the system is ingested through
 *       {@link IngestService} (source {@code gbfs}: validated, versioned, reported and announced like every batch, one
 *       {@code actual-observed} event per new or changed hour) and marked {@code PUBLISHED}, or {@code REJECTED} if
 *       the contract refused it;
 *   <li>any other closed hour waits, unmarked, until its weather is observed.
 * </ul>
 *
 * The marks are written in the batch's transaction, so an hour is published exactly once; the scheduler calls
 * {@link #publishAll()} after each round of polls, tests call {@link #publish(String)}.
 */
@Component
class StationObservations {

    /** The source name of the batches, in reports and events. */
    static final String SOURCE = "gbfs";

    private static final Logger log = LoggerFactory.getLogger(StationObservations.class);

    /** What one run of one system did. */
    record Run(int published, int censored, int rebalancing, int rejected, long waiting, int batches) {}

    private final GbfsProperties properties;
    private final GbfsStore store;
    private final IngestService ingest;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final InstantSource clock;
    private final int batchSize;
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();

    StationObservations(
            GbfsProperties properties,
            IngestProperties ingestProperties,
            GbfsStore store,
            IngestService ingest,
            TransactionTemplate transactions,
            MeterRegistry meters,
            InstantSource clock) {
        this.properties = properties;
        this.store = store;
        this.ingest = ingest;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
        this.batchSize = Math.max(1, Math.min(ingestProperties.maxRows(), 10_000));
        for (GbfsProperties.Feed system : properties.systems()) {
            if (system.enabled()) {
                waitingGauge(system.id());
            }
        }
    }

    private AtomicLong waitingGauge(String systemId) {
        return waiting.computeIfAbsent(systemId, id -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("bikecast.gbfs.station.hours.waiting", count, AtomicLong::get)
                    .description("Closed station hours of the GBFS system waiting for the observed weather of their"
                            + " hour (or for their station's station_information), as of the last run")
                    .tag("system", id)
                    .register(meters);
            return count;
        });
    }

    /** Publishes what is ready in every enabled system; a failing system is logged and the others go on. */
    void publishAll() {
        for (GbfsProperties.Feed system : properties.systems()) {
            if (!system.enabled()) {
                continue;
            }
            try {
                publish(system.id());
            } catch (RuntimeException e) {
                log.error("Publishing the station hours of GBFS system {} failed", system.id(), e);
            }
        }
    }

    /** Handles every closed, unhandled hour of the system that can be handled now. */
    synchronized Run publish(String systemId) {
        int published = 0;
        int censored = 0;
        int rebalancing = 0;
        int rejected = 0;
        int batches = 0;
        while (true) {
            Batch batch = transactions.execute(tx -> batch(systemId));
            censored += batch.censored;
            rebalancing += batch.rebalancing;
            published += batch.published;
            rejected += batch.rejected;
            if (batch.published + batch.rejected > 0) {
                batches++;
            }
            if (batch.published + batch.rejected < batchSize) {
                break;
            }
        }
        long left = store.waiting(systemId);
        waitingGauge(systemId).set(left);
        count(systemId, "PUBLISHED", published);
        count(systemId, "CENSORED", censored);
        count(systemId, "REBALANCING", rebalancing);
        count(systemId, "REJECTED", rejected);
        if (published + censored + rebalancing + rejected > 0) {
            log.info(
                    "GBFS system {}: {} station hours published as observations, {} censored and {} with a"
                            + " rebalancing step left out, {} rejected by the contract, {} waiting for weather",
                    systemId,
                    published,
                    censored,
                    rebalancing,
                    rejected,
                    left);
        }
        return new Run(published, censored, rebalancing, rejected, left, batches);
    }

    private static final class Batch {
        int published;
        int censored;
        int rebalancing;
        int rejected;
    }

    private Batch batch(String systemId) {
        Batch batch = new Batch();
        store.lock(systemId);
        for (String fate : store.excludeUnobservable(systemId, clock.instant())) {
            if ("CENSORED".equals(fate)) {
                batch.censored++;
            } else {
                batch.rebalancing++;
            }
        }
        List<GbfsStore.Publishable> hours = store.publishable(systemId, batchSize);
        if (hours.isEmpty()) {
            return batch;
        }
        List<BatchValidation> validated = new ArrayList<>(1);
        BatchReport report = ingest.ingest(SOURCE, "gbfs:" + systemId, IngestMode.LENIENT, true, rows -> {
            validated.add(rows);
            for (int i = 0; i < hours.size(); i++) {
                rows.add(candidate(i + 1, hours.get(i)), List.of());
            }
            return List.of();
        });
        Set<Long> rejectedLines =
                validated.getFirst().violations().stream().map(Violation::line).collect(Collectors.toSet());
        List<String> fates = new ArrayList<>(hours.size());
        for (int i = 0; i < hours.size(); i++) {
            boolean refused = rejectedLines.contains((long) i + 1);
            fates.add(refused ? "REJECTED" : "PUBLISHED");
            if (refused) {
                batch.rejected++;
            } else {
                batch.published++;
            }
        }
        store.markHandled(systemId, hours, fates, clock.instant());
        if (batch.rejected > 0) {
            log.warn(
                    "GBFS system {}: the contract rejected {} station hours (batch {}), e.g. {}",
                    systemId,
                    batch.rejected,
                    report.batchId(),
                    validated.getFirst().violations().getFirst());
        }
        return batch;
    }

    /** The observation of one station hour: its departures, with the features of its hour's observed weather. */
    static CandidateRow candidate(long line, GbfsStore.Publishable hour) {
        UciFeatures f = FeatureEngineering.fromNatural(new NaturalConditions(
                hour.seriesHour(),
                hour.temperatureCelsius(),
                hour.feelsLikeCelsius(),
                hour.humidityPercent(),
                hour.windSpeedKmh(),
                hour.weatherSituation()));
        return new CandidateRow(
                line,
                hour.seriesId(),
                hour.seriesHour().toLocalDate(),
                hour.seriesHour(),
                f.hr(),
                f.season(),
                f.yr(),
                f.mnth(),
                f.holiday(),
                f.weekday(),
                f.workingday(),
                f.weathersit(),
                f.temp(),
                f.atemp(),
                f.hum(),
                f.windspeed(),
                null,
                null,
                hour.departures());
    }

    private void count(String systemId, String fate, int hours) {
        Counter.builder("bikecast.gbfs.station.hours.handled")
                .description("Closed station hours of the GBFS system by fate: PUBLISHED as observations, left out as"
                        + " CENSORED or REBALANCING (demand only a lower bound), REJECTED by the data contract")
                .tag("system", systemId)
                .tag("fate", fate)
                .register(meters)
                .increment(hours);
    }
}
