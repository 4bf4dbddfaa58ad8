package io.bikecast.common.features;

import io.bikecast.common.series.SeriesId;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One hour's conditions in real-world units, as a client or a weather feed knows them; {@link
 * FeatureEngineering#fromNatural(NaturalConditions)} turns them into the model's {@link UciFeatures}. Clients should not
 * have to know how the UCI data set normalised its columns.
 *
 * <p>The annotations only reject what is physically meaningless (a negative wind speed, a humidity above 100 %);
 * conditions outside what the model was trained on are reported by {@link UciFeatures#rangeViolations()}.
 *
 * @param localHour the wall-clock time in {@link SeriesId#ZONE}; minutes and seconds are ignored by the feature path
 * @param temperatureCelsius the air temperature
 * @param feelsLikeCelsius the apparent ("feels like") temperature
 * @param humidityPercent the relative humidity, 0 to 100
 * @param windSpeedKmh the wind speed in km/h
 * @param weatherSituation the UCI weather situation: 1 clear or partly cloudy, 2 mist or cloudy, 3 light snow or
 *     light rain, 4 heavy rain, ice pellets, thunderstorm, snow or fog
 */
public record NaturalConditions(
        @NotNull LocalDateTime localHour,
        double temperatureCelsius,
        double feelsLikeCelsius,
        @DecimalMin("0.0") @DecimalMax("100.0") double humidityPercent,
        @DecimalMin("0.0") double windSpeedKmh,
        @Min(1) @Max(4) int weatherSituation) {

    /**
     * The local hour in {@link SeriesId#ZONE} that contains the given moment, truncated to the hour. In the autumn
     * daylight-saving change two different instants fall into the same local hour 01:00, just as the UCI data has a
     * single row for it.
     */
    public static LocalDateTime localHourOf(OffsetDateTime time) {
        return localHourOf(time.toInstant());
    }

    /** The local hour in {@link SeriesId#ZONE} that contains the given instant, truncated to the hour. */
    public static LocalDateTime localHourOf(Instant instant) {
        return LocalDateTime.ofInstant(instant, SeriesId.ZONE).truncatedTo(ChronoUnit.HOURS);
    }
}
