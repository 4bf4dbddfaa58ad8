package io.bikecast.prediction.request;

import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.NaturalCondition;
import io.bikecast.common.features.NaturalConditions;
import io.bikecast.common.features.ValidCondition;
import io.bikecast.common.series.SeriesId;
import io.bikecast.prediction.predictor.PredictionInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The natural form of a {@link PredictRequest}: what a client actually knows. The calendar features come from the
 * timestamp through {@link FeatureEngineering#fromNatural}, the same code training uses; weather outside what the model
 * was trained on is refused in its own unit ({@link NaturalCondition}, derived from the features' ranges).
 *
 * @param timestamp ISO-8601; with an offset or zone it is converted to Washington, D.C. local time, without one it is
 *     taken as local time there; minutes are dropped
 */
@Schema(description = "The natural form: a timestamp and the weather in real units.")
@IssuedBeforeTarget
@JsonDeserialize(using = ValueDeserializer.None.class) // read as a plain record once PredictRequest chose the form
record NaturalPredictRequest(
        @Schema(
                description = "ISO-8601 date-time; with an offset it is converted to Washington, D.C. local time, "
                        + "without one it is taken as local time there",
                example = "2012-07-04T17:00:00-04:00")
        @NotNull(message = NaturalPredictRequest.MISSING)
        @LocalHourText
        String timestamp,

        @Schema(description = "Air temperature °C", example = "28.0")
        @NotNull(message = NaturalPredictRequest.MISSING)
        @ValidCondition(NaturalCondition.TEMPERATURE_CELSIUS)
        Double temperatureCelsius,

        @Schema(description = "Feels-like temperature °C", example = "30.5")
        @NotNull(message = NaturalPredictRequest.MISSING)
        @ValidCondition(NaturalCondition.FEELS_LIKE_CELSIUS)
        Double feelsLikeCelsius,

        @Schema(description = "Relative humidity %", example = "45")
        @NotNull(message = NaturalPredictRequest.MISSING)
        @ValidCondition(NaturalCondition.HUMIDITY_PERCENT)
        Double humidityPercent,

        @Schema(description = "Wind speed km/h", example = "12.7")
        @NotNull(message = NaturalPredictRequest.MISSING)
        @ValidCondition(NaturalCondition.WIND_SPEED_KMH)
        Double windSpeedKmh,

        @Schema(description = "Weather situation, as in the UCI data: 1 clear ... 4 heavy rain/snow", example = "1")
        @NotNull(message = NaturalPredictRequest.MISSING)
        @ValidCondition(NaturalCondition.WEATHER_SITUATION)
        Double weatherSituation,

        @Schema(description = "The series predicted; default system", example = "system") @ValidSeriesId @Nullable
        String seriesId,

        @Schema(description = "Keeps a client on the same side of an A/B split", example = "kiosk-42")
        @ValidClientKey
        @Nullable
        String clientKey,

        @Schema(
                description =
                        "When the forecast is issued (ISO-8601, converted as timestamp is): its history features read"
                                + " actuals up to this hour only. Before timestamp; default the series' latest actual, at most an"
                                + " hour before timestamp",
                example = "2012-07-04T12:00")
        @LocalHourText
        @Nullable
        String issuedAt)
        implements PredictRequest {

    /** The fields of this form, in order. */
    static final String FIELDS =
            "timestamp, temperatureCelsius, feelsLikeCelsius, humidityPercent, windSpeedKmh, weatherSituation";

    /** Why a field is missing. */
    static final String MISSING = "missing: the natural form needs all of " + FIELDS;

    @Override
    public PredictionInput toInput() {
        LocalDateTime hour = LocalHours.parse(timestamp).orElseThrow();
        return new PredictionInput(
                FeatureEngineering.fromNatural(new NaturalConditions(
                        hour,
                        temperatureCelsius,
                        feelsLikeCelsius,
                        humidityPercent,
                        windSpeedKmh,
                        weatherSituation.intValue())),
                seriesId == null ? SeriesId.SYSTEM : SeriesId.of(seriesId),
                hour,
                clientKey,
                issuedAt == null ? null : LocalHours.parse(issuedAt).orElseThrow(),
                true);
    }

    @Override
    public @Nullable String targetHour() {
        return timestamp;
    }
}
