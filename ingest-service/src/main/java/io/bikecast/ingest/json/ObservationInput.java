package io.bikecast.ingest.json;

import java.time.LocalDateTime;

/**
 * One observation pushed as JSON: the UCI columns by name, with the hour as a local date-time instead of {@code
 * dteday}. Every field is checked by the data contract, not by the JSON reader, so that a lenient batch can store its
 * good observations and report each missing or out-of-range value of the others.
 *
 * @param seriesId the series (default {@code system})
 * @param hour the local hour, e.g. {@code 2012-06-01T17:00}; {@code hr} must agree with it
 */
record ObservationInput(
        String seriesId,
        LocalDateTime hour,
        Integer season,
        Integer yr,
        Integer mnth,
        Integer hr,
        Integer holiday,
        Integer weekday,
        Integer workingday,
        Integer weathersit,
        Double temp,
        Double atemp,
        Double hum,
        Double windspeed,
        Integer casual,
        Integer registered,
        Integer cnt) {}
