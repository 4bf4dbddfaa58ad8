package io.bikecast.ingest.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One row as a source delivered it, typed but not yet checked against the contract. A null value is one the source
 * did not give, or one it gave in a form that could not even be typed (that is then already a {@link Violation}).
 *
 * @param line the CSV line number or the 1-based JSON position
 * @param seriesId the series, as text
 * @param date the local date ({@code dteday})
 * @param hour for sources that give a full local hour (JSON), that hour; null for CSV, whose hour is {@code dteday} and
 *     {@code hr}
 */
public record CandidateRow(
        long line,
        String seriesId,
        LocalDate date,
        LocalDateTime hour,
        Integer hr,
        Integer season,
        Integer yr,
        Integer mnth,
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
