package io.bikecast.training.data;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bikecast.common.features.UciFeatures;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ingest service's export of a series' observations ({@code GET /api/v1/ingest/observations/export}): the column
 * names once, one positional array per hour, oldest first, and the row count, which the service writes only after the
 * last row, so a document without it was cut off. Unknown members are ignored, so the service may add some.
 *
 * @param columns the names of the row positions; {@link ObservationReader} refuses any other than {@link #COLUMNS}
 * @param count the rows the service wrote; null when the document ended early
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ObservationExport(
        String seriesId,
        @Nullable List<String> columns,
        @Nullable List<Row> rows,
        @Nullable Long count) {

    /** The columns this service reads, in the order the rows hold them. */
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

    /** One hour: the local hour, the twelve UCI features and the count, as a JSON array in {@link #COLUMNS} order. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({
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
        "cnt"
    })
    record Row(
            LocalDateTime hour,
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
            int cnt) {

        TrainingRow toTrainingRow(String seriesId) {
            return new TrainingRow(
                    seriesId,
                    hour,
                    new UciFeatures(
                            season,
                            yr,
                            mnth,
                            hr,
                            holiday,
                            weekday,
                            workingday,
                            weathersit,
                            temp,
                            atemp,
                            hum,
                            windspeed),
                    cnt);
        }
    }

    /**
     * A series' stored hours, as {@code GET /api/v1/ingest/series} lists them.
     *
     * @param lastHour the latest stored hour
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeriesRange(String seriesId, LocalDateTime firstHour, LocalDateTime lastHour, long hours) {}
}
