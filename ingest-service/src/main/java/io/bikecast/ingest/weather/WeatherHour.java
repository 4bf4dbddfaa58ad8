package io.bikecast.ingest.weather;

import java.time.Instant;

/**
 * One hour's weather at a location, in the units of the prediction API's natural form.
 *
 * @param hour the start of the hour, UTC
 * @param weatherCode the WMO weather interpretation code Open-Meteo gives
 * @param weatherSituation the UCI data set's 1 to 4 ({@link WeatherSituations})
 */
public record WeatherHour(
        Instant hour,
        double temperatureCelsius,
        double feelsLikeCelsius,
        double humidityPercent,
        double windSpeedKmh,
        int weatherCode,
        int weatherSituation) {}
