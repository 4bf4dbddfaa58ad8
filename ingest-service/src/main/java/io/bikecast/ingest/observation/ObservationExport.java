package io.bikecast.ingest.observation;

import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import io.bikecast.ingest.contract.Observation;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a series' observations as one JSON document for bulk readers (the training service reads its training window
 * this way): the column names once, then one positional array per hour, oldest first, then the row count.
 *
 * <pre>
 * {"seriesId": "system", "from": null, "to": "2011-01-02T00:00:00",
 *  "columns": ["hour", "season", "yr", "mnth", "hr", "holiday", "weekday", "workingday", "weathersit",
 *              "temp", "atemp", "hum", "windspeed", "cnt"],
 *  "rows": [["2011-01-01T00:00:00", 1, 0, 1, 0, 0, 6, 0, 1, 0.24, 0.2879, 0.81, 0.0, 16], ...],
 *  "count": 24}
 * </pre>
 *
 * <p>Why this shape: a row is about 70 bytes instead of about 230 as a named object ({@link ObservationView}), which
 * matters at millions of rows; the columns travel once so a client can check them instead of trusting positions;
 * and the document only ends with {@code ]}, the count and <code>}</code>, so a stream cut off midway (the service
 * stopped, the database failed after the first rows were sent) can never parse as a complete, shorter answer — which
 * newline-delimited JSON cut at a line break would.
 *
 * <p>The rows are read in keyset pages of {@link #PAGE} rows and written as they come, so memory is one page whatever
 * the range, no transaction or connection is held while the client reads, and no page re-reads earlier rows as an
 * OFFSET would.
 */
@Component
class ObservationExport {

    /** The columns of a row, in order. Names and meaning as in the UCI data set and {@code ingest.observation}. */
    static final List<String> COLUMNS = List.of(
            "hour",
            "season",
            "yr",
            "mnth",
            "hr",
            "holiday",
            "weekday",
            "workingday",
            "weathersit",
            "temp",
            "atemp",
            "hum",
            "windspeed",
            "cnt");

    /** Rows per keyset page: a few hundred kilobytes of JSON, one short index range scan. */
    static final int PAGE = 5000;

    // Closing the generator must never close the document on its own: after a failure the client must see it unclosed.
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final ObservationStore store;

    ObservationExport(ObservationStore store) {
        this.store = store;
    }

    /**
     * Writes the document for the rows of {@code series} with {@code from <= hour < to}.
     *
     * @param from the first hour (inclusive), or null for the first stored hour
     * @param to the end (exclusive), or null for no end
     * @return the rows written
     */
    long write(SeriesId series, @Nullable LocalDateTime from, @Nullable LocalDateTime to, OutputStream out) {
        JsonGenerator json = JSON.createGenerator(out);
        json.writeStartObject();
        json.writeStringProperty("seriesId", series.value());
        json.writeStringProperty("from", from == null ? null : format(from));
        json.writeStringProperty("to", to == null ? null : format(to));
        json.writeName("columns");
        json.writeStartArray();
        for (String column : COLUMNS) {
            json.writeString(column);
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("rows");
        long count = 0;
        LocalDateTime lower = from;
        boolean inclusive = true;
        while (true) {
            List<Observation> page = store.page(series, lower, inclusive, to, PAGE);
            for (Observation row : page) {
                write(json, row);
            }
            count += page.size();
            // Each page goes out as it is read; the client's read timeout measures silence, not the whole answer.
            json.flush();
            if (page.size() < PAGE) {
                break;
            }
            lower = page.getLast().hour();
            inclusive = false;
        }
        json.writeEndArray();
        json.writeNumberProperty("count", count);
        json.writeEndObject();
        json.close();
        return count;
    }

    private static void write(JsonGenerator json, Observation row) {
        UciFeatures f = row.features();
        json.writeStartArray();
        json.writeString(format(row.hour()));
        json.writeNumber(f.season());
        json.writeNumber(f.yr());
        json.writeNumber(f.mnth());
        json.writeNumber(f.hr());
        json.writeNumber(f.holiday());
        json.writeNumber(f.weekday());
        json.writeNumber(f.workingday());
        json.writeNumber(f.weathersit());
        json.writeNumber(f.temp());
        json.writeNumber(f.atemp());
        json.writeNumber(f.hum());
        json.writeNumber(f.windspeed());
        json.writeNumber(row.cnt());
        json.writeEndArray();
    }

    /** As every other endpoint writes a local hour: {@code 2011-01-01T00:00:00}. */
    private static String format(LocalDateTime hour) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(hour);
    }
}
