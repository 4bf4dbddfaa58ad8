package io.bikecast.prediction.history;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads stored hours from the ingest service's export into the recent demand: the latest hours of every kept series
 * at start-up, and the hours of a batch stored without {@code actual-observed} events (a backfill) when its
 * announcement arrives.
 */
class IngestHistory {

    private final IngestExportApi ingest;
    private final RecentDemand demand;
    private final int maxSeries;

    IngestHistory(IngestExportApi ingest, RecentDemand demand, int maxSeries) {
        this.ingest = ingest;
        this.demand = demand;
        this.maxSeries = maxSeries;
    }

    /** Reads the latest hours of each of the most recently observed series; the number of hours read. */
    int readLatest() {
        List<IngestExportApi.SeriesRange> series = ingest.series().stream()
                .sorted(Comparator.comparing(IngestExportApi.SeriesRange::lastHour)
                        .reversed())
                .limit(maxSeries)
                .toList();
        int hours = 0;
        for (IngestExportApi.SeriesRange range : series) {
            hours += read(range.seriesId(), range.lastHour(), null);
        }
        return hours;
    }

    /**
     * Reads the hours of a series up to {@code lastHour}, as far back as the store keeps; the number of hours read.
     *
     * @param to the end (exclusive), or null for every hour after the start
     */
    int read(String seriesId, LocalDateTime lastHour, @Nullable LocalDateTime to) {
        LocalDateTime from = lastHour.minusHours(demand.maxHours() - 1L);
        IngestExportApi.Export export = ingest.export(
                seriesId,
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(from),
                to == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(to));
        if (export.count() == null || export.columns() == null || export.rows() == null) {
            throw new IllegalStateException("the export of series " + seriesId + " was cut off");
        }
        int hour = export.columns().indexOf("hour");
        int count = export.columns().indexOf("cnt");
        if (hour < 0 || count < 0) {
            throw new IllegalStateException(
                    "the export of series " + seriesId + " has no hour or cnt column: " + export.columns());
        }
        for (List<Object> row : export.rows()) {
            demand.record(
                    seriesId,
                    LocalDateTime.parse(String.valueOf(row.get(hour))),
                    ((Number) row.get(count)).doubleValue());
        }
        return export.rows().size();
    }
}
