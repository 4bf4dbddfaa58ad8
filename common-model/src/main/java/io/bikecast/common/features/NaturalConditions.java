package io.bikecast.common.features;

import io.bikecast.common.series.SeriesId;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One hour's conditions in real-world units, as a client or a weather feed knows them; {@link
 * FeatureEngineering#fromNatural(NaturalConditions)} turns them into the model's {@link UciFeatures}. Clients should not
 * have to know how the UCI data set normalised its columns.
 *
 * <p>Construction accepts any value. The {@link ValidCondition} constraints reject weather the model was not trained on
 * (which includes what is physically meaningless, such as a negative wind speed or a humidity above 100 %), in the
 * condition's own unit; they derive each range from {@link Feature} through {@link NaturalCondition}, so it is written
 * nowhere else.
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

        @ValidCondition(NaturalCondition.TEMPERATURE_CELSIUS)
        double temperatureCelsius,

        @ValidCondition(NaturalCondition.FEELS_LIKE_CELSIUS) double feelsLikeCelsius,
        @ValidCondition(NaturalCondition.HUMIDITY_PERCENT) double humidityPercent,
        @ValidCondition(NaturalCondition.WIND_SPEED_KMH) double windSpeedKmh,
        @ValidCondition(NaturalCondition.WEATHER_SITUATION) int weatherSituation) {

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
        return localHourOf(instant, SeriesId.ZONE);
    }

    /** The local hour in {@code zone} (a series' own, such as a GBFS system's) that contains the given instant. */
    public static LocalDateTime localHourOf(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.HOURS);
    }
}
