package io.bikecast.prediction.request;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.features.ValidFeature;
import io.bikecast.common.series.SeriesId;
import io.bikecast.prediction.predictor.PredictionInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The UCI form of a {@link PredictRequest}: the twelve model features exactly as the UCI data set has them. Each is
 * checked against its {@link Feature}'s range; numbers are bound as decimals so that a fractional hour is reported,
 * not silently truncated.
 *
 * @param hour the local hour the features describe, recorded in the prediction log so monitoring can join the
 *     prediction with the actual count; its hour of day must equal {@code hr}
 */
@Schema(description = "The UCI form: the twelve features as the UCI data set has them.")
@HourMatchesHr
@IssuedBeforeTarget
@JsonDeserialize(using = ValueDeserializer.None.class) // read as a plain record once PredictRequest chose the form
public record UciPredictRequest(
        @Schema(description = "Season, 1 winter ... 4 autumn", example = "3")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.SEASON)
        Double season,

        @Schema(description = "Year, 0 = 2011, 1 = 2012", example = "1")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.YR)
        Double yr,

        @Schema(description = "Month", example = "7")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.MNTH)
        Double mnth,

        @Schema(description = "Local hour of day", example = "17")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.HR)
        Double hr,

        @Schema(description = "1 on a D.C. public holiday", example = "0")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.HOLIDAY)
        Double holiday,

        @Schema(description = "Day of week, 0 Sunday ... 6 Saturday", example = "3")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.WEEKDAY)
        Double weekday,

        @Schema(description = "1 on a working day", example = "1")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.WORKINGDAY)
        Double workingday,

        @Schema(description = "Weather situation, 1 clear ... 4 heavy rain/snow", example = "1")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.WEATHERSIT)
        Double weathersit,

        @Schema(description = "Normalised temperature, (°C + 9) / 50", example = "0.74")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.TEMP)
        Double temp,

        @Schema(description = "Normalised feels-like temperature, (°C + 16) / 66", example = "0.68")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.ATEMP)
        Double atemp,

        @Schema(description = "Humidity / 100", example = "0.45")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.HUM)
        Double hum,

        @Schema(description = "Wind speed km/h / 67", example = "0.19")
        @NotNull(message = UciPredictRequest.MISSING)
        @ValidFeature(Feature.WINDSPEED)
        Double windspeed,

        @Schema(
                description = "The local hour the features describe (ISO-8601; with an offset it is converted to "
                        + "Washington, D.C. time), logged for joining with actuals; its hour of day must equal hr",
                example = "2012-07-04T17:00")
        @LocalHourText
        @Nullable
        String hour,

        @Schema(description = "The series predicted; default system", example = "system") @ValidSeriesId @Nullable
        String seriesId,

        @Schema(description = "Keeps a client on the same side of an A/B split", example = "kiosk-42")
        @ValidClientKey
        @Nullable
        String clientKey,

        @Schema(
                description = "When the forecast is issued (ISO-8601, converted as hour is): its history features read"
                        + " actuals up to this hour only. Before hour; default the series' latest actual, at most an"
                        + " hour before hour",
                example = "2012-07-04T12:00")
        @LocalHourText
        @Nullable
        String issuedAt)
        implements PredictRequest {

    /** Why a feature is missing. Kept equal to the schema's feature names by a test. */
    static final String MISSING = "missing: the UCI form needs all of season, yr, mnth, hr, holiday, weekday,"
            + " workingday, weathersit, temp, atemp, hum, windspeed (or send the natural form instead: "
            + NaturalPredictRequest.FIELDS + ")";

    /** The twelve features; only for a validated request, whose every feature is a whole number where it must be. */
    UciFeatures features() {
        return UciFeatures.fromVector(new double[] {
            season, yr, mnth, hr, holiday, weekday, workingday, weathersit, temp, atemp, hum, windspeed
        });
    }

    @Override
    public PredictionInput toInput() {
        return new PredictionInput(
                features(),
                seriesId == null ? SeriesId.SYSTEM : SeriesId.of(seriesId),
                hour == null ? null : LocalHours.parse(hour).orElseThrow(),
                clientKey,
                issuedAt == null ? null : LocalHours.parse(issuedAt).orElseThrow(),
                true);
    }

    @Override
    public @Nullable String targetHour() {
        return hour;
    }
}
