package io.bikecast.ingest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk export document of {@code GET /api/v1/ingest/observations/export}, parsed into records as the training
 * service parses it, for the tests and the benchmark. Strict where a test must notice a fault: every member present
 * ({@code null} only where written as null), no null where a number belongs, every hour written {@code
 * yyyy-MM-dd'T'HH:mm:ss}, and (read from a whole body) every row exactly the {@link #COLUMNS}; unknown members are
 * ignored, as the training service ignores them.
 *
 * @param from the first hour asked for, as written; null when none was
 * @param to the end asked for, as written; null when none was
 * @param count the rows the service wrote, after the last one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportDocument(
        String seriesId, @Nullable String from, @Nullable String to, List<String> columns, List<Row> rows, long count) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * One exported hour, a positional array whose values are the components in declaration order (a record's
     * properties keep that order); doubles compare exactly.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Row(
            @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime hour,
            int season,
            int yr,
            int mnth,
            int hr,
            int holiday,
            int weekday,
            int workingday,
            int weathersit,
            double temp,
            double atemp,
            double hum,
            double windspeed,
            int cnt) {}

    /** The columns of a row, in order: the names of {@link Row}'s components, which the service must send. */
    public static final List<String> COLUMNS = Arrays.stream(Row.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    /**
     * Parses a whole document, checking that every row holds exactly the {@link #COLUMNS}: data binding of a positional
     * array would take a short row's missing values for zeros. A document cut off before its {@code count} fails.
     */
    public static ExportDocument read(String body) {
        JsonNode document = JSON.readTree(body);
        for (JsonNode row : document.path("rows")) {
            if (row.size() != COLUMNS.size()) {
                throw new IllegalStateException(
                        "an exported row has " + row.size() + " values instead of " + COLUMNS.size() + ": " + row);
            }
        }
        return JSON.treeToValue(document, ExportDocument.class);
    }

    /**
     * Parses a document as it streams in, straight into records without the row check of {@link #read(String)}: what
     * the training service's client does, and what the benchmark times.
     */
    public static ExportDocument stream(InputStream body) {
        return JSON.readValue(body, ExportDocument.class);
    }
}
