package io.bikecast.ingest.contract;

import io.bikecast.common.features.Feature;
import io.bikecast.common.features.FeatureEngineering;
import io.bikecast.common.features.UciFeatures;
import io.bikecast.common.series.SeriesId;
import io.bikecast.platform.web.PlausibleYears;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data contract, row by row: every column present and typed, every value in range, counts that add up, calendar
 * columns that agree with the date, and a local hour that exists. Ranges come from {@link UciFeatures#rangeViolations()}
 * and the calendar from {@link FeatureEngineering#fromDate}, so ingest checks exactly what training and serving assume.
 *
 * <p>One row per series and hour within a batch is checked by {@link BatchValidation}. Stateless and thread-safe.
 */
final class ContractValidator {

    /** The outcome for one row: either an observation or at least one violation. */
    record Checked(Observation observation, List<Violation> violations) {

        boolean accepted() {
            return violations.isEmpty();
        }
    }

    private ContractValidator() {}

    /**
     * Checks one row.
     *
     * @param row the row as the source gave it
     * @param typingViolations violations found while typing the row (for example "not a number"); their columns are
     *     not reported a second time as missing
     * @param years the years the row's date may fall in
     */
    static Checked check(CandidateRow row, List<Violation> typingViolations, PlausibleYears years) {
        List<Violation> violations = new ArrayList<>(typingViolations);
        Set<String> faulty = new HashSet<>();
        typingViolations.forEach(v -> faulty.add(v.column()));
        long line = row.line();

        SeriesId series = null;
        if (row.seriesId() == null || row.seriesId().isBlank()) {
            violations.add(new Violation(line, Columns.SERIES_ID, null, "missing value"));
        } else if (!SeriesId.PATTERN.matcher(row.seriesId()).matches()) {
            violations.add(
                    new Violation(line, Columns.SERIES_ID, row.seriesId(), "must match " + SeriesId.PATTERN.pattern()));
        } else {
            series = SeriesId.of(row.seriesId());
        }

        LocalDate date = row.date();
        if (row.hour() != null) {
            LocalDateTime hour = row.hour();
            if (hour.getMinute() != 0 || hour.getSecond() != 0 || hour.getNano() != 0) {
                violations.add(new Violation(line, Columns.HOUR, hour.toString(), "must be a whole hour"));
                faulty.add(Columns.HOUR);
            }
            if (row.hr() != null && row.hr() != hour.getHour()) {
                violations.add(new Violation(
                        line,
                        Columns.HR,
                        String.valueOf(row.hr()),
                        "does not agree with hour " + hour + " (hr " + hour.getHour() + ")"));
                faulty.add(Columns.HR);
            }
        }
        String dateColumn = row.hour() != null || row.date() == null && faulty.contains(Columns.HOUR)
                ? Columns.HOUR
                : Columns.DTEDAY;
        requirePresent(date, dateColumn, line, faulty, violations);
        if (date != null && !faulty.contains(dateColumn) && !years.contains(date.getYear())) {
            String given = dateColumn.equals(Columns.HOUR) && row.hour() != null
                    ? row.hour().toString()
                    : date.toString();
            violations.add(new Violation(line, dateColumn, given, years.reason("bikecast.ingest.plausible-years")));
            faulty.add(dateColumn);
        }
        requirePresent(row.hr(), Columns.HR, line, faulty, violations);
        requirePresent(row.season(), Columns.SEASON, line, faulty, violations);
        requirePresent(row.yr(), Columns.YR, line, faulty, violations);
        requirePresent(row.mnth(), Columns.MNTH, line, faulty, violations);
        requirePresent(row.holiday(), Columns.HOLIDAY, line, faulty, violations);
        requirePresent(row.weekday(), Columns.WEEKDAY, line, faulty, violations);
        requirePresent(row.workingday(), Columns.WORKINGDAY, line, faulty, violations);
        requirePresent(row.weathersit(), Columns.WEATHERSIT, line, faulty, violations);
        requirePresent(row.temp(), Columns.TEMP, line, faulty, violations);
        requirePresent(row.atemp(), Columns.ATEMP, line, faulty, violations);
        requirePresent(row.hum(), Columns.HUM, line, faulty, violations);
        requirePresent(row.windspeed(), Columns.WINDSPEED, line, faulty, violations);
        requirePresent(row.cnt(), Columns.CNT, line, faulty, violations);

        UciFeatures features = new UciFeatures(
                orZero(row.season()),
                orZero(row.yr()),
                orZero(row.mnth()),
                orZero(row.hr()),
                orZero(row.holiday()),
                orZero(row.weekday()),
                orZero(row.workingday()),
                orZero(row.weathersit()),
                orZero(row.temp()),
                orZero(row.atemp()),
                orZero(row.hum()),
                orZero(row.windspeed()));
        for (String violation : features.rangeViolations()) {
            int colon = violation.indexOf(": ");
            String column = violation.substring(0, colon);
            if (!faulty.contains(column)) {
                violations.add(new Violation(line, column, valueOf(features, column), violation.substring(colon + 2)));
                faulty.add(column);
            }
        }

        checkCount(row.casual(), Columns.CASUAL, line, faulty, violations);
        checkCount(row.registered(), Columns.REGISTERED, line, faulty, violations);
        checkCount(row.cnt(), Columns.CNT, line, faulty, violations);
        if (row.casual() != null
                && row.registered() != null
                && row.cnt() != null
                && !faulty.contains(Columns.CNT)
                && !faulty.contains(Columns.CASUAL)
                && !faulty.contains(Columns.REGISTERED)
                && (long) row.casual() + row.registered() != row.cnt()) {
            violations.add(new Violation(
                    line,
                    Columns.CNT,
                    String.valueOf(row.cnt()),
                    "must equal casual + registered (" + row.casual() + " + " + row.registered() + " = "
                            + (row.casual() + row.registered()) + ")"));
        }

        LocalDateTime hour = null;
        if (date != null && row.hr() != null && !faulty.contains(Columns.HR) && !faulty.contains(dateColumn)) {
            hour = date.atTime(row.hr(), 0);
            if (SeriesId.ZONE.getRules().getValidOffsets(hour).isEmpty()) {
                violations.add(new Violation(
                        line,
                        Columns.HR,
                        String.valueOf(row.hr()),
                        "hour " + row.hr() + " does not exist on " + date + " in " + SeriesId.ZONE
                                + " (clocks move forward)"));
            }
            UciFeatures expected = FeatureEngineering.fromDate(date, row.hr(), 1, 0, 0, 0, 0);
            agree(Columns.SEASON, row.season(), expected.season(), date, line, faulty, violations);
            agree(Columns.YR, row.yr(), expected.yr(), date, line, faulty, violations);
            agree(Columns.MNTH, row.mnth(), expected.mnth(), date, line, faulty, violations);
            agree(Columns.WEEKDAY, row.weekday(), expected.weekday(), date, line, faulty, violations);
        }

        if (!violations.isEmpty()) {
            return new Checked(null, List.copyOf(violations));
        }
        return new Checked(
                new Observation(series, hour, features, row.casual(), row.registered(), row.cnt()), List.of());
    }

    private static void requirePresent(
            Object value, String column, long line, Set<String> faulty, List<Violation> violations) {
        if (value == null && !faulty.contains(column)) {
            violations.add(new Violation(line, column, null, "missing value"));
            faulty.add(column);
        }
    }

    private static void checkCount(
            Integer value, String column, long line, Set<String> faulty, List<Violation> violations) {
        if (value != null && value < 0 && !faulty.contains(column)) {
            violations.add(new Violation(line, column, String.valueOf(value), "must be 0 or more"));
            faulty.add(column);
        }
    }

    private static void agree(
            String column,
            Integer given,
            int expected,
            LocalDate date,
            long line,
            Set<String> faulty,
            List<Violation> violations) {
        if (given != null && !faulty.contains(column) && given != expected) {
            violations.add(new Violation(
                    line, column, String.valueOf(given), "does not agree with " + date + ", which gives " + expected));
            faulty.add(column);
        }
    }

    private static String valueOf(UciFeatures features, String column) {
        Feature feature = Feature.byColumnName(column).orElseThrow();
        double value = features.value(feature);
        return isDiscrete(feature) && value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static boolean isDiscrete(Feature feature) {
        return switch (feature) {
            case TEMP, ATEMP, HUM, WINDSPEED -> false;
            default -> true;
        };
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
