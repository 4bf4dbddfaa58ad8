package io.bikecast.prediction.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One prediction request, in either of two forms told apart by their fields (sending fields of both is an error):
 *
 * <ul>
 *   <li>the <b>UCI form</b>: the twelve features as the UCI data set has them ({@code season}, {@code yr}, {@code
 *       mnth}, {@code hr}, {@code holiday}, {@code weekday}, {@code workingday}, {@code weathersit}, {@code temp},
 *       {@code atemp}, {@code hum}, {@code windspeed}), optionally with the {@code hour} they describe;
 *   <li>the <b>natural form</b>: a {@code timestamp} and the weather in real units ({@code temperatureCelsius},
 *       {@code feelsLikeCelsius}, {@code humidityPercent}, {@code windSpeedKmh}, {@code weatherSituation}); the
 *       calendar features are derived from the timestamp.
 * </ul>
 *
 * <p>Both forms may carry {@code seriesId} (default {@code system}) and {@code clientKey}. Numbers are bound as
 * decimals so that a fractional hour is reported, not silently truncated.
 */
@Schema(description = "Either the UCI fields or the natural form (timestamp + real-unit weather); not both.")
public record PredictRequest(
        @Schema(description = "UCI: season, 1 winter ... 4 autumn", example = "3")
        Double season,

        @Schema(description = "UCI: year, 0 = 2011, 1 = 2012", example = "1")
        Double yr,

        @Schema(description = "UCI: month, 1-12", example = "7")
        Double mnth,

        @Schema(description = "UCI: local hour of day, 0-23", example = "17")
        Double hr,

        @Schema(description = "UCI: 1 on a D.C. public holiday", example = "0")
        Double holiday,

        @Schema(description = "UCI: day of week, 0 Sunday ... 6 Saturday", example = "3")
        Double weekday,

        @Schema(description = "UCI: 1 on a working day", example = "1")
        Double workingday,

        @Schema(description = "UCI: weather situation, 1 clear ... 4 heavy rain/snow", example = "1")
        Double weathersit,

        @Schema(description = "UCI: normalised temperature, (°C + 9) / 50", example = "0.74")
        Double temp,

        @Schema(description = "UCI: normalised feels-like temperature, (°C + 16) / 66", example = "0.68")
        Double atemp,

        @Schema(description = "UCI: humidity / 100", example = "0.45")
        Double hum,

        @Schema(description = "UCI: wind speed km/h / 67", example = "0.19")
        Double windspeed,

        @Schema(
                description = "Natural: ISO-8601 date-time; with an offset it is converted to Washington, D.C. "
                        + "local time, without one it is taken as local time there",
                example = "2012-07-04T17:00:00-04:00")
        String timestamp,

        @Schema(description = "Natural: air temperature °C", example = "28.0")
        Double temperatureCelsius,

        @Schema(description = "Natural: feels-like temperature °C", example = "30.5")
        Double feelsLikeCelsius,

        @Schema(description = "Natural: relative humidity %, 0-100", example = "45")
        Double humidityPercent,

        @Schema(description = "Natural: wind speed km/h", example = "12.7")
        Double windSpeedKmh,

        @Schema(description = "Natural: weather situation, 1-4 as in the UCI data", example = "1")
        Double weatherSituation,

        @Schema(
                description = "UCI form only: the local hour the features describe (logged for joining with "
                        + "actuals); its hour of day must equal hr",
                example = "2012-07-04T17:00")
        String hour,

        @Schema(description = "The series predicted; default system", example = "system")
        String seriesId,

        @Schema(description = "Keeps a client on the same side of an A/B split", example = "kiosk-42")
        String clientKey) {}
