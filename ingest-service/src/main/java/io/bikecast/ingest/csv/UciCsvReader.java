package io.bikecast.ingest.csv;

import io.bikecast.ingest.contract.BatchValidation;
import io.bikecast.ingest.contract.CandidateRow;
import io.bikecast.ingest.contract.Columns;
import io.bikecast.ingest.contract.Violation;
import io.bikecast.ingest.source.SourceProblem;
import io.bikecast.ingest.web.Problems;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemException;
import io.bikecast.platform.web.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a CSV in the UCI {@code hour.csv} format as a stream, row by row, with Jackson's CSV parser (quoting,
 * escaping and line counting are the parser's), types each value and hands the row to a {@link BatchValidation}.
 *
 * <p>The header names the columns, in any order; {@link Columns#REQUIRED_CSV} must all be there, {@code instant},
 * {@code casual} and {@code registered} may be, anything else is ignored and reported. Thread-safe.
 */
public final class UciCsvReader {

    /** What reading a CSV found besides its rows. */
    public record CsvSummary(List<String> ignoredColumns) {}

    private final CsvMapper mapper = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .enable(CsvReadFeature.TRIM_SPACES)
            .build();

    /**
     * Reads every row of {@code in} (UTF-8) into {@code batch}.
     *
     * @param seriesId the series the rows belong to
     * @throws ProblemException if the content is empty, not UTF-8, not CSV, lacks a required column, or the stream
     *     failed with a {@link SourceProblem}
     */
    public CsvSummary read(InputStream in, String seriesId, BatchValidation batch) {
        try (JsonParser parser = mapper.createParser(new Utf8Reader(in))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw Problems.emptyBody();
            }
            Row first = nextRow(parser);
            if (first == null) {
                throw Problems.emptyBody();
            }
            Header header = Header.of(first.values());
            boolean anyRow = false;
            for (Row row = nextRow(parser); row != null; row = nextRow(parser)) {
                anyRow = true;
                readRow(row.line(), row.values(), header, seriesId, batch);
            }
            if (!anyRow) {
                throw Problems.noRows();
            }
            return new CsvSummary(header.ignored());
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /** One physical record: its values and the line it starts on. */
    private record Row(long line, String[] values) {}

    /**
     * The next record, or null at the end. Tokens rather than data binding: the location of a record's first value is
     * the line an editor shows (line breaks inside quotes and skipped empty lines counted), which the location of the
     * record's array token is not.
     */
    private static Row nextRow(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> values = new ArrayList<>(20);
        long line = -1;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == null) {
                return null;
            }
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr();
            }
            values.add(parser.getString());
        }
        return new Row(line < 0 ? parser.currentTokenLocation().getLineNr() : line, values.toArray(String[]::new));
    }

    /** Turns a failure inside the parser into the problem its root cause deserves. */
    static ProblemException translate(JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case SourceProblem problem -> {
                    return problem.problem();
                }
                case CharacterCodingException coding -> {
                    return Problems.wrongEncoding("a byte sequence near line " + lineOf(e) + " is not valid UTF-8");
                }
                case SocketTimeoutException timeout -> {
                    return Problems.of(
                            ProblemType.URL_TIMEOUT,
                            "The source stopped sending data (read timeout, bikecast.ingest.fetch.read-timeout).");
                }
                case IOException io -> {
                    return Problems.of(ProblemType.SOURCE_UNREADABLE, "Reading the source failed: " + io.getMessage());
                }
                default -> {}
            }
        }
        if (e instanceof StreamReadException) {
            return Problems.notCsv(
                    "The content is not valid CSV near line " + lineOf(e) + ": " + e.getOriginalMessage());
        }
        return Problems.notCsv("The content could not be read as CSV: " + e.getOriginalMessage());
    }

    private static int lineOf(JacksonException e) {
        return e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    }

    private static void readRow(long line, String[] values, Header header, String seriesId, BatchValidation batch) {
        List<Violation> typing = new ArrayList<>(0);
        if (values.length > header.size()) {
            typing.add(new Violation(
                    line,
                    "row",
                    String.valueOf(values.length),
                    "has " + values.length + " values but the header has " + header.size() + " columns"));
        }
        Fields fields = new Fields(line, values, header, typing);
        CandidateRow row = new CandidateRow(
                line,
                seriesId,
                fields.date(Columns.DTEDAY),
                null,
                fields.integer(Columns.HR),
                fields.integer(Columns.SEASON),
                fields.integer(Columns.YR),
                fields.integer(Columns.MNTH),
                fields.integer(Columns.HOLIDAY),
                fields.integer(Columns.WEEKDAY),
                fields.integer(Columns.WORKINGDAY),
                fields.integer(Columns.WEATHERSIT),
                fields.decimal(Columns.TEMP),
                fields.decimal(Columns.ATEMP),
                fields.decimal(Columns.HUM),
                fields.decimal(Columns.WINDSPEED),
                fields.integer(Columns.CASUAL),
                fields.integer(Columns.REGISTERED),
                fields.integer(Columns.CNT));
        batch.add(row, typing);
    }

    /** Where each known column is in a row. */
    private record Header(Map<String, Integer> index, int size, List<String> ignored) {

        static Header of(String[] names) {
            Map<String, Integer> index = new HashMap<>();
            List<String> ignored = new ArrayList<>();
            List<InvalidField> errors = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i].strip();
                if (Columns.REQUIRED_CSV.contains(name) || Columns.OPTIONAL_CSV.contains(name)) {
                    if (index.putIfAbsent(name, i) != null) {
                        errors.add(new InvalidField(name, "column appears more than once in the header", name));
                    }
                } else {
                    ignored.add(name);
                }
            }
            for (String required : Columns.REQUIRED_CSV) {
                if (!index.containsKey(required)) {
                    errors.add(InvalidField.of(required, "required column is missing from the header (line 1)"));
                }
            }
            if (!errors.isEmpty()) {
                String shown = String.join(",", names);
                throw Problems.of(
                        ProblemType.NOT_CSV,
                        "The header (line 1) must name the columns " + Columns.REQUIRED_CSV
                                + " but it was: "
                                + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown),
                        errors);
            }
            return new Header(Map.copyOf(index), names.length, List.copyOf(ignored));
        }
    }

    /** Types the values of one row, recording each value that cannot be typed. */
    private record Fields(long line, String[] values, Header header, List<Violation> typing) {

        String raw(String column) {
            Integer i = header.index().get(column);
            if (i == null || i >= values.length) {
                return null;
            }
            String value = values[i];
            return value == null || value.isEmpty() ? null : value;
        }

        LocalDate date(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                typing.add(new Violation(line, column, value, "not a date (yyyy-MM-dd)"));
                return null;
            }
        }

        Integer integer(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                typing.add(new Violation(line, column, value, "not a whole number"));
                return null;
            }
        }

        Double decimal(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            try {
                // BigDecimal, not Double.parseDouble: that would accept "NaN", "Infinity", "0x1p-2" and "0.5d".
                return new BigDecimal(value).doubleValue();
            } catch (NumberFormatException e) {
                typing.add(new Violation(line, column, value, "not a number"));
                return null;
            }
        }
    }
}
