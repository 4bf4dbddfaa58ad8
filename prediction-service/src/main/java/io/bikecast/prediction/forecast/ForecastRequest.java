package io.bikecast.prediction.forecast;

import io.bikecast.common.series.SeriesId;
import io.bikecast.prediction.request.LocalHourText;
import io.bikecast.prediction.request.ValidSeriesId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A forecast of a series' next {@code hours} hours after the issue time, with the weather of each.
 *
 * @param hours 1 to {@value #MAX_HOURS} (a week), default {@value #DEFAULT_HOURS}
 * @param issuedAt ISO-8601 like a prediction's {@code timestamp}; default the series' latest actual
 * @param weather one entry per hour, in hour order
 */
@Schema(description = "The next hours of a series, with the weather of each")
@WeatherForEveryHour
record ForecastRequest(
        @Schema(description = "The series forecast; default system", example = "system") @ValidSeriesId @Nullable
        String seriesId,

        @Schema(description = "How many hours after the issue time, 1 to 168; default 24", example = "24")
        @Min(value = 1, message = "must be 1 to " + MAX_HOURS)
        @Max(value = MAX_HOURS, message = "must be 1 to " + MAX_HOURS)
        @Nullable
        Integer hours,

        @Schema(
                description = "When the forecast is issued (ISO-8601; with an offset it is converted to Washington,"
                        + " D.C. time); its first hour is the next one. Default: the series' latest actual",
                example = "2012-07-04T12:00")
        @LocalHourText
        @Nullable
        String issuedAt,

        @Schema(description = "The weather of each forecast hour, one entry per hour in order")
        @NotNull(message = "missing: one entry per forecast hour")
        List<@NotNull(message = "must be an object of the hour's weather") @Valid HourWeather> weather) {

    static final int MAX_HOURS = 168;
    static final int DEFAULT_HOURS = 24;

    int hoursOrDefault() {
        return hours == null ? DEFAULT_HOURS : hours;
    }

    SeriesId series() {
        return seriesId == null ? SeriesId.SYSTEM : SeriesId.of(seriesId);
    }
}
