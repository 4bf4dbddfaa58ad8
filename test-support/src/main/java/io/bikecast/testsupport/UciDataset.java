package io.bikecast.testsupport;

import io.bikecast.common.features.UciFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The UCI Bike Sharing data set (Fanaee-T and Gama, 2013) where it lies beside the project; it is never copied in.
 * {@code hour.csv} is found from {@code BIKECAST_UCI_HOUR_CSV} (a full path), else the system property {@code
 * bikecast.uci.dir} (the root pom sets it for every test), else {@code ../../shared/data/uci-bike-sharing}. A missing
 * file fails the test that needs it, naming where it looked.
 */
public final class UciDataset {

    public static final String HOUR_CSV_ENV = "BIKECAST_UCI_HOUR_CSV";
    public static final String UCI_DIR_PROPERTY = "bikecast.uci.dir";

    /** One row of {@code hour.csv}, as the file has it. */
    public record HourRow(
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

        public UciFeatures features() {
            return new UciFeatures(
                    season, yr, mnth, hr, holiday, weekday, workingday, weathersit, temp, atemp, hum, windspeed);
        }

        /** The same hour with another count, as a station's share of the system's demand; no casual/registered split. */
        public HourRow withCount(int count) {
            return new HourRow(
                    instant,
                    dteday,
                    season,
                    yr,
                    mnth,
                    hr,
                    holiday,
                    weekday,
                    workingday,
                    weathersit,
                    temp,
                    atemp,
                    hum,
                    windspeed,
                    0,
                    0,
                    count);
        }
    }

    private static List<HourRow> hours;

    private UciDataset() {}

    public static Path hourCsv() {
        String fromEnvironment = System.getenv(HOUR_CSV_ENV);
        Path path = fromEnvironment != null && !fromEnvironment.isBlank()
                ? Path.of(fromEnvironment)
                : Path.of(System.getProperty(UCI_DIR_PROPERTY, "../../shared/data/uci-bike-sharing"), "hour.csv");
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("UCI hour.csv not found at " + path.toAbsolutePath() + " (from " + HOUR_CSV_ENV
                    + ", else the system property " + UCI_DIR_PROPERTY + "); set " + HOUR_CSV_ENV
                    + " to the full path of hour.csv");
        }
        return path;
    }

    /** Every row of {@code hour.csv}, in file order (read once per JVM). */
    public static synchronized List<HourRow> hours() {
        if (hours == null) {
            CsvMapper mapper = new CsvMapper();
            try (MappingIterator<HourRow> rows = mapper.readerFor(HourRow.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(hourCsv().toFile())) {
                hours = List.copyOf(rows.readAll());
            }
        }
        return hours;
    }
}
