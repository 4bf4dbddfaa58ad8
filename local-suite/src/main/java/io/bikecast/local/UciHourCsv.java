package io.bikecast.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The UCI {@code hour.csv} as the backtest replays it: the header, and each row with its local hour and the columns
 * the backtest sends on, in file order (which is time order).
 */
record UciHourCsv(String header, List<UciHour> hours) {

    private static final List<String> REQUIRED = List.of(
            "dteday",
            "season",
            "yr",
            "mnth",
            "hr",
            "holiday",
            "weekday",
            "workingday",
            "weathersit",
            "temp",
            "atemp",
            "hum",
            "windspeed",
            "casual",
            "registered",
            "cnt");

    /**
     * One row of the file.
     *
     * @param line the row as the file has it, to send on as CSV unchanged
     */
    record UciHour(
            LocalDateTime hour,
            String line,
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
            int cnt) {}

    static UciHourCsv read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the UCI hourly data at " + file.toAbsolutePath(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file.toAbsolutePath() + " is empty; expected the UCI hour.csv");
        }
        List<String> columns = Arrays.asList(lines.getFirst().trim().split(","));
        int[] index = REQUIRED.stream().mapToInt(columns::indexOf).toArray();
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0) {
                throw new IllegalArgumentException(file.toAbsolutePath() + " has no column " + REQUIRED.get(i)
                        + "; expected the UCI hour.csv header " + String.join(",", REQUIRED));
            }
        }
        List<UciHour> hours = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                hours.add(parse(line.trim(), index));
            }
        }
        return new UciHourCsv(lines.getFirst().trim(), List.copyOf(hours));
    }

    private static UciHour parse(String line, int[] index) {
        String[] v = line.split(",");
        int hr = Integer.parseInt(v[index[4]]);
        return new UciHour(
                LocalDate.parse(v[index[0]]).atTime(hr, 0),
                line,
                Integer.parseInt(v[index[1]]),
                Integer.parseInt(v[index[2]]),
                Integer.parseInt(v[index[3]]),
                hr,
                Integer.parseInt(v[index[5]]),
                Integer.parseInt(v[index[6]]),
                Integer.parseInt(v[index[7]]),
                Integer.parseInt(v[index[8]]),
                Double.parseDouble(v[index[9]]),
                Double.parseDouble(v[index[10]]),
                Double.parseDouble(v[index[11]]),
                Double.parseDouble(v[index[12]]),
                Integer.parseInt(v[index[13]]),
                Integer.parseInt(v[index[14]]),
                Integer.parseInt(v[index[15]]));
    }

    /** The file's header and the given rows, as a CSV body for the ingest service. */
    String csvOf(List<UciHour> rows) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        rows.forEach(row -> csv.append(row.line()).append('\n'));
        return csv.toString();
    }
}
