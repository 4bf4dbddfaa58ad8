package io.bikecast.training.data;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;

/**
 * Reads observations from the ingest service, which owns them, through its HTTP API: a series' latest hour from
 * {@code GET /api/v1/ingest/series?series=}, and the rows of a window from {@code GET
 * /api/v1/ingest/observations/export} ({@link ObservationExport}), one series and one window per call; the series of
 * a family ({@link SeriesSelection} with a prefix) from {@code GET /api/v1/ingest/series?prefix=}, then one export per
 * series. Training never reads the ingest service's tables.
 *
 * <p>Every answer is checked before a row of it is used: the columns must be the ones this service reads, the document
 * must be complete (its row count present and equal to the rows received), and the hours strictly increasing inside
 * the window asked for. Whatever fails, the service down, a timeout, an error status, a cut-off or foreign answer, is an
 * {@link IngestUnavailableException} that names the URL and what to check, so a run fails saying why.
 */
@Component
public class ObservationReader {

    private static final String EXPORT = "/api/v1/ingest/observations/export";

    private final IngestObservationApi api;
    private final URI baseUrl;

    ObservationReader(IngestProperties properties) {
        this.api = IngestObservationApi.create(
                properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
        this.baseUrl = properties.baseUrl();
    }

    /** The latest observed hour of a series, if it has any. */
    public Optional<LocalDateTime> latestHour(String seriesId) {
        return latestHour(SeriesSelection.of(seriesId));
    }

    /** The latest observed hour of any series of the selection, if one has any. */
    public Optional<LocalDateTime> latestHour(SeriesSelection selection) {
        return ranges(selection).stream()
                .map(ObservationExport.SeriesRange::lastHour)
                .max(Comparator.naturalOrder());
    }

    /** The observations of a series from {@code from} (inclusive; null for all history), oldest first. */
    public List<TrainingRow> read(String seriesId, @Nullable LocalDateTime from) {
        return read(SeriesSelection.of(seriesId), from, null);
    }

    /**
     * The observations of a series from {@code from} to {@code to} (both inclusive; null for no bound), oldest
     * first.
     */
    public List<TrainingRow> read(String seriesId, @Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        return read(SeriesSelection.of(seriesId), from, to);
    }

    /** The observations of the selection's series from {@code from} (inclusive; null for all history). */
    public List<TrainingRow> read(SeriesSelection selection, @Nullable LocalDateTime from) {
        return read(selection, from, null);
    }

    /**
     * The observations of the selection's series from {@code from} to {@code to} (both inclusive; null for no bound),
     * oldest first, the series of one hour in the order of their ids.
     */
    public List<TrainingRow> read(SeriesSelection selection, @Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        // The export's end is exclusive; stored hours have at most microseconds (PostgreSQL's timestamp), so one
        // microsecond more includes an hour stored exactly at `to` and nothing after it.
        return exportAll(selection, from, to == null ? null : to.plusNanos(1_000));
    }

    /** The observations of a series from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<TrainingRow> readRange(String seriesId, LocalDateTime from, LocalDateTime to) {
        return readRange(SeriesSelection.of(seriesId), from, to);
    }

    /** The observations of the selection's series from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<TrainingRow> readRange(SeriesSelection selection, LocalDateTime from, LocalDateTime to) {
        return exportAll(selection, from, to);
    }

    private List<ObservationExport.SeriesRange> ranges(SeriesSelection selection) {
        List<ObservationExport.SeriesRange> ranges = selection
                .only()
                .map(id -> call("GET /api/v1/ingest/series?series=" + id, () -> api.series(id)))
                .orElseGet(() -> call(
                        "GET /api/v1/ingest/series?prefix=" + selection.prefix(),
                        () -> api.seriesStartingWith(selection.prefix())));
        // Filtered here too: an ingest service that ignored the parameter would list every series.
        return ranges.stream()
                .filter(range -> range.seriesId() != null && selection.matches(range.seriesId()))
                .toList();
    }

    private List<TrainingRow> exportAll(
            SeriesSelection selection, @Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        if (selection.single()) {
            return export(selection.prefix(), from, to);
        }
        List<TrainingRow> rows = new ArrayList<>();
        for (ObservationExport.SeriesRange range : ranges(selection)) {
            boolean overlaps = (from == null || !range.lastHour().isBefore(from))
                    && (to == null || range.firstHour().isBefore(to));
            if (overlaps) {
                rows.addAll(export(range.seriesId(), from, to));
            }
        }
        // The ranges come ordered by id, and a stable sort keeps that order within each hour.
        rows.sort(Comparator.comparing(TrainingRow::hour));
        return rows;
    }

    private List<TrainingRow> export(String seriesId, @Nullable LocalDateTime from, @Nullable LocalDateTime to) {
        String fromParameter = from == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(from);
        String toParameter = to == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(to);
        String what = "GET " + EXPORT + "?series=" + seriesId + (from == null ? "" : "&from=" + fromParameter)
                + (to == null ? "" : "&to=" + toParameter);
        ObservationExport export = call(what, () -> api.export(seriesId, fromParameter, toParameter));
        if (export == null) {
            throw unusable(what, "the answer had no body");
        }
        if (!ObservationExport.COLUMNS.equals(export.columns())) {
            throw unusable(
                    what,
                    "its columns are " + export.columns() + " but this service reads " + ObservationExport.COLUMNS
                            + "; the two services are at incompatible versions");
        }
        List<ObservationExport.Row> rows = export.rows() == null ? List.of() : export.rows();
        if (export.count() == null || export.count() != rows.size()) {
            throw unusable(
                    what, "it was cut off: " + rows.size() + " rows arrived but the document says " + export.count());
        }
        List<TrainingRow> training = new ArrayList<>(rows.size());
        LocalDateTime previous = null;
        for (ObservationExport.Row row : rows) {
            LocalDateTime hour = row.hour();
            if (hour == null
                    || (previous != null && !hour.isAfter(previous))
                    || (from != null && hour.isBefore(from))
                    || (to != null && !hour.isBefore(to))) {
                throw unusable(
                        what,
                        "its hour " + hour + " (after " + previous + ") is out of order or outside the window asked"
                                + " for");
            }
            training.add(row.toTrainingRow(seriesId));
            previous = hour;
        }
        return training;
    }

    private <T> T call(String what, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (RestClientException e) {
            if (e.getMostSpecificCause() instanceof JacksonException unreadable) {
                IngestUnavailableException refused = unusable(
                        what,
                        "its answer cannot be read, cut off midway or not in the export's form ("
                                + unreadable.getOriginalMessage() + ")");
                refused.initCause(e);
                throw refused;
            }
            throw new IngestUnavailableException(
                    "the ingest service at " + baseUrl + " did not answer " + what + " (" + e.getMessage()
                            + "); check that the ingest service is up and that bikecast.training.ingest.base-url"
                            + " (BIKECAST_INGEST_URL) points at it",
                    e);
        }
    }

    private IngestUnavailableException unusable(String what, String why) {
        return new IngestUnavailableException(
                "the ingest service at " + baseUrl + " answered " + what + " with nothing training can use: " + why);
    }
}
