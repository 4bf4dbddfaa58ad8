package io.bikecast.common.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The UCI data set as the tests read it, in place (it is never copied into the project). {@code hour.csv} is found
 * from the environment variable {@code BIKECAST_UCI_HOUR_CSV} (a full path, which wins when set), else the system
 * property {@code bikecast.uci.dir} (set by the root pom's Surefire configuration), else {@code
 * ../../shared/data/uci-bike-sharing} relative to the module; {@code day.csv} is its sibling. A missing file fails the
 * test with the places looked at: these tests must not pass by being skipped.
 */
final class UciData {

    static final String HOUR_CSV_ENV = "BIKECAST_UCI_HOUR_CSV";
    static final String UCI_DIR_PROPERTY = "bikecast.uci.dir";

    /** One row of {@code hour.csv}. */
    record HourRow(
            int instant,
            LocalDate dteday,
            int season,
            int yr,
            int mnth,
            int hr,
            int holiday,
            int weekday,
            int workingday,
            int weathersit,
            double temp,
            double atemp,
            double hum,
            double windspeed,
            int casual,
            int registered,
            int cnt) {

        UciFeatures features() {
            return new UciFeatures(
                    season, yr, mnth, hr, holiday, weekday, workingday, weathersit, temp, atemp, hum, windspeed);
        }

        /** Where the row is, for messages, given its index in {@link #hours()}. */
        String where(int index) {
            return "hour.csv line " + line(index) + " (instant " + instant + ", " + dteday + " hr " + hr + ")";
        }
    }

    /** One row of {@code day.csv}. */
    record DayRow(
            int instant,
            LocalDate dteday,
            int season,
            int yr,
            int mnth,
            int holiday,
            int weekday,
            int workingday,
            int weathersit,
            double temp,
            double atemp,
            double hum,
            double windspeed,
            int casual,
            int registered,
            int cnt) {}

    private static List<HourRow> hours;
    private static List<DayRow> days;

    private UciData() {}

    static synchronized List<HourRow> hours() {
        if (hours == null) {
            hours = read(hourCsv(), HourRow.class);
        }
        return hours;
    }

    static synchronized List<DayRow> days() {
        if (days == null) {
            days = read(dayCsv(), DayRow.class);
        }
        return days;
    }

    /** The line number in the file of the row at an index (the header is line 1; no row spans two lines). */
    static int line(int index) {
        return index + 2;
    }

    static Path hourCsv() {
        List<String> lookedAt = new ArrayList<>();
        String fromEnv = System.getenv(HOUR_CSV_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path path = Path.of(fromEnv);
            if (Files.isRegularFile(path)) {
                return path;
            }
            throw new AssertionError("UCI hour.csv not found: environment variable " + HOUR_CSV_ENV + " names "
                    + path.toAbsolutePath() + ", which is not a file");
        }
        lookedAt.add("environment variable " + HOUR_CSV_ENV + " (not set)");
        String dir = System.getProperty(UCI_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            Path path = Path.of(dir, "hour.csv");
            if (Files.isRegularFile(path)) {
                return path;
            }
            lookedAt.add("system property " + UCI_DIR_PROPERTY + ": " + path.toAbsolutePath());
        } else {
            lookedAt.add("system property " + UCI_DIR_PROPERTY + " (not set)");
        }
        Path relative = Path.of("../../shared/data/uci-bike-sharing/hour.csv");
        if (Files.isRegularFile(relative)) {
            return relative;
        }
        lookedAt.add("relative to the module: " + relative.toAbsolutePath().normalize());
        throw new AssertionError("UCI hour.csv not found. Looked at: " + String.join("; ", lookedAt) + ". Set "
                + HOUR_CSV_ENV + " to the full path of hour.csv.");
    }

    static Path dayCsv() {
        Path path = hourCsv().resolveSibling("day.csv");
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("UCI day.csv not found next to hour.csv at " + path.toAbsolutePath());
        }
        return path;
    }

    /** Reads a CSV file into records, matching columns to components by the header's names. */
    private static <T> List<T> read(Path csv, Class<T> type) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<T> rows = mapper.readerFor(type).with(schema).readValues(csv.toFile())) {
            return List.copyOf(rows.readAll());
        }
    }
}
