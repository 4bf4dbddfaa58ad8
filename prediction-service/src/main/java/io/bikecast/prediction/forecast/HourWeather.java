package io.bikecast.prediction.forecast;

import io.bikecast.common.features.NaturalCondition;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.ValidCondition;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;

/** The weather of one forecast hour, in real units, checked as the natural prediction form checks it. */
@Schema(description = "The weather of one hour, in real units")
record HourWeather(
        @Schema(description = "Air temperature °C", example = "28.0")
        @NotNull(message = MISSING)
        @ValidCondition(NaturalCondition.TEMPERATURE_CELSIUS)
        Double temperatureCelsius,

        @Schema(description = "Feels-like temperature °C", example = "30.5")
        @NotNull(message = MISSING)
        @ValidCondition(NaturalCondition.FEELS_LIKE_CELSIUS)
        Double feelsLikeCelsius,

        @Schema(description = "Relative humidity %", example = "45")
        @NotNull(message = MISSING)
        @ValidCondition(NaturalCondition.HUMIDITY_PERCENT)
        Double humidityPercent,

        @Schema(description = "Wind speed km/h", example = "12.7")
        @NotNull(message = MISSING)
        @ValidCondition(NaturalCondition.WIND_SPEED_KMH)
        Double windSpeedKmh,

        @Schema(description = "Weather situation, as in the UCI data: 1 clear ... 4 heavy rain/snow", example = "1")
        @NotNull(message = MISSING)
        @ValidCondition(NaturalCondition.WEATHER_SITUATION)
        Double weatherSituation) {

    static final String MISSING = "missing: each hour's weather needs temperatureCelsius, feelsLikeCelsius,"
            + " humidityPercent, windSpeedKmh and weatherSituation";

    /** The conditions of a validated entry at a local hour. */
    NaturalConditions at(LocalDateTime hour) {
        return new NaturalConditions(
                hour, temperatureCelsius, feelsLikeCelsius, humidityPercent, windSpeedKmh, weatherSituation.intValue());
    }
}
