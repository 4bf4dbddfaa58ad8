package io.bikecast.ingest.batch;

import io.bikecast.common.events.ActualObserved;
import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.ObservationsIngested;
import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.contract.BatchValidation;
import io.bikecast.ingest.contract.IngestMode;
import io.bikecast.ingest.contract.Observation;
import io.bikecast.ingest.contract.Violation;
import io.bikecast.ingest.observation.ObservationStore;
import io.bikecast.platform.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests one batch: reads and validates every row first, then writes the accepted rows, the batch report with all its
 * rejections, the dataset version and the events announcing the batch in ONE transaction. Either all of that is
 * stored or none of it; the events leave through the outbox only after the commit.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private static final Comparator<Observation> SERIES_THEN_HOUR =
            Comparator.comparing((Observation o) -> o.seriesId().value()).thenComparing(Observation::hour);

    private final ObservationStore observations;
    private final BatchStore batches;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IngestMetrics metrics;
    private final IngestProperties properties;

    IngestService(
            ObservationStore observations,
            BatchStore batches,
            Outbox outbox,
            TransactionTemplate transactions,
            IngestMetrics metrics,
            IngestProperties properties) {
        this.observations = observations;
        this.batches = batches;
        this.outbox = outbox;
        this.transactions = transactions;
        this.metrics = metrics;
        this.properties = properties;
    }

    /**
     * Reads, validates and stores one batch.
     *
     * @param source {@code csv}, {@code uci} or {@code observations}
     * @param origin a file name, path or URL for the report, or null
     * @return the report of the committed batch
     * @throws StrictBatchRejectedException when a strict batch has a bad row (the report and its rejections are
     *     stored, nothing else)
     * @throws io.bikecast.ingest.contract.InvalidBatchException when the batch is refused as a whole; and whatever
     *     else the source fails with
     */
    public BatchReport ingest(String source, String origin, IngestMode mode, BatchSource reader) {
        return ingest(source, origin, mode, true, reader);
    }

    /**
     * Validates, stores and announces one batch.
     *
     * @param announceActuals false for a backfill of history: the rows are stored and the observations-ingested event
     *     is published, but no actual-observed event, so that monitoring does not take old hours for live actuals
     *     (a replay announces them later, hour by hour)
     */
    public BatchReport ingest(
            String source, String origin, IngestMode mode, boolean announceActuals, BatchSource reader) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        BatchValidation validation =
                new BatchValidation(properties.maxRows(), properties.maxRejections(), properties.plausibleYears());
        List<String> ignoredColumns;
        try {
            ignoredColumns = reader.readInto(validation);
        } catch (RuntimeException e) {
            metrics.batchDuration(source, "refused", Duration.ofNanos(System.nanoTime() - startNanos));
            throw e;
        }
        long validatedNanos = System.nanoTime();
        UUID batchId = UUID.randomUUID();
        List<Observation> accepted = validation.accepted();
        accepted.sort(SERIES_THEN_HOUR);
        metrics.rows(source, "rejected", validation.rowsRejected());

        if (mode == IngestMode.STRICT && validation.rowsRejected() > 0) {
            BatchReport report = report(
                    batchId,
                    BatchReport.REJECTED,
                    source,
                    origin,
                    mode,
                    validation,
                    0,
                    0,
                    0,
                    List.of(),
                    ignoredColumns,
                    null,
                    started);
            transactions.executeWithoutResult(status -> {
                batches.insert(report);
                batches.insertRejections(batchId, validation.violations());
            });
            metrics.batchDuration(source, BatchReport.REJECTED, Duration.ofNanos(System.nanoTime() - startNanos));
            log.info(
                    "Strict batch {} from {} rejected: {} of {} rows break the contract",
                    batchId,
                    source,
                    validation.rowsRejected(),
                    validation.rowsRead());
            throw new StrictBatchRejectedException(report.withRejections(firstRejections(validation.violations())));
        }

        BatchReport committed = transactions.execute(status -> {
            List<ObservationStore.Written> written = observations.upsert(batchId, accepted);
            int inserted = (int)
                    written.stream().filter(ObservationStore.Written::inserted).count();
            int updated = written.size() - inserted;
            int unchanged = accepted.size() - written.size();
            String version = null;
            if (!accepted.isEmpty()) {
                DatasetVersion datasetVersion = new DatasetVersion(
                        ContentHash.of(accepted),
                        accepted.size(),
                        accepted.stream()
                                .map(Observation::hour)
                                .min(Comparator.naturalOrder())
                                .orElseThrow(),
                        accepted.stream()
                                .map(Observation::hour)
                                .max(Comparator.naturalOrder())
                                .orElseThrow(),
                        seriesOf(accepted),
                        batchId,
                        null);
                batches.insertVersionIfAbsent(datasetVersion);
                version = datasetVersion.contentHash();
            }
            BatchReport report = report(
                    batchId,
                    BatchReport.COMMITTED,
                    source,
                    origin,
                    mode,
                    validation,
                    inserted,
                    updated,
                    unchanged,
                    seriesOf(accepted),
                    ignoredColumns,
                    version,
                    started);
            batches.insert(report);
            batches.insertRejections(batchId, validation.violations());
            outbox.append(events(report, announceActuals ? written : List.of()));
            return report;
        });
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        metrics.rows(source, "accepted", committed.rowsAccepted());
        metrics.rows(source, "inserted", committed.rowsInserted());
        metrics.rows(source, "updated", committed.rowsUpdated());
        metrics.rows(source, "unchanged", committed.rowsUnchanged());
        metrics.batchDuration(source, BatchReport.COMMITTED, took);
        if (committed.rowsAccepted() > 0) {
            committed.seriesIds().forEach(series -> metrics.markFresh(series, committed.finishedAt()));
        }
        log.info(
                "Batch {} from {} committed in {} ms (read and validated in {} ms): {} read, {} accepted ({} new, {}"
                        + " updated, {} unchanged), {} rejected",
                batchId,
                source,
                took.toMillis(),
                (validatedNanos - startNanos) / 1_000_000,
                committed.rowsRead(),
                committed.rowsAccepted(),
                committed.rowsInserted(),
                committed.rowsUpdated(),
                committed.rowsUnchanged(),
                committed.rowsRejected());
        return committed.withRejections(firstRejections(validation.violations()));
    }

    /** One observations-ingested event for the batch, one actual-observed event per inserted or changed hour. */
    private static List<BikecastEvent> events(BatchReport report, List<ObservationStore.Written> written) {
        List<BikecastEvent> events = new ArrayList<>(written.size() + 1);
        if (report.rowsAccepted() > 0) {
            events.add(ObservationsIngested.of(
                    report.batchId(),
                    report.datasetVersion(),
                    report.seriesIds(),
                    report.rowsAccepted(),
                    report.rowsUpdated(),
                    report.rowsRejected(),
                    report.firstHour(),
                    report.lastHour(),
                    report.source()));
        }
        for (ObservationStore.Written row : written) {
            events.add(ActualObserved.of(row.seriesId().value(), row.hour(), row.cnt(), "ingest"));
        }
        return events;
    }

    private BatchReport report(
            UUID batchId,
            String status,
            String source,
            String origin,
            IngestMode mode,
            BatchValidation validation,
            int inserted,
            int updated,
            int unchanged,
            List<String> seriesIds,
            List<String> ignoredColumns,
            String datasetVersion,
            Instant started) {
        List<Observation> accepted = validation.accepted();
        boolean stored = BatchReport.COMMITTED.equals(status) && !accepted.isEmpty();
        LocalDateTime first = stored
                ? accepted.stream()
                        .map(Observation::hour)
                        .min(Comparator.naturalOrder())
                        .orElseThrow()
                : null;
        LocalDateTime last = stored
                ? accepted.stream()
                        .map(Observation::hour)
                        .max(Comparator.naturalOrder())
                        .orElseThrow()
                : null;
        return new BatchReport(
                batchId,
                status,
                source,
                origin,
                mode.value(),
                validation.rowsRead(),
                BatchReport.COMMITTED.equals(status) ? accepted.size() : 0,
                inserted,
                updated,
                unchanged,
                validation.rowsRejected(),
                datasetVersion,
                seriesIds,
                first,
                last,
                ignoredColumns,
                started,
                Instant.now(),
                null);
    }

    private RejectionPage firstRejections(List<Violation> violations) {
        int size = properties.reportedRejections();
        return new RejectionPage(
                0, size, violations.size(), List.copyOf(violations.subList(0, Math.min(size, violations.size()))));
    }

    private static List<String> seriesOf(List<Observation> observations) {
        return observations.stream()
                .map(o -> o.seriesId().value())
                .distinct()
                .sorted()
                .toList();
    }
}
