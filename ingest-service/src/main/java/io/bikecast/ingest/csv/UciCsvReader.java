package io.bikecast.ingest.csv;

import io.bikecast.ingest.contract.BatchValidation;
import io.bikecast.ingest.contract.CandidateRow;
import io.bikecast.ingest.contract.Columns;
import io.bikecast.ingest.contract.InvalidBatchException;
import io.bikecast.ingest.contract.Violation;
import io.bikecast.ingest.input.RefusedRead;
import io.bikecast.ingest.input.SourceUnavailableException;
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

    private static final long HEADER_LINE = 1;

    private final CsvMapper mapper = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .enable(CsvReadFeature.TRIM_SPACES)
            .build();

    /**
     * Reads every row of {@code in} (UTF-8) into {@code batch}.
     *
     * @param seriesId the series the rows belong to
     * @throws InvalidBatchException if the content is empty, not UTF-8, not CSV or lacks a required column
     * @throws SourceUnavailableException if the stream failed or timed out
     * @throws RuntimeException whatever a {@link RefusedRead} of the stream carried (a limit it went past)
     */
    public CsvSummary read(InputStream in, String seriesId, BatchValidation batch) {
        try (JsonParser parser = mapper.createParser(new Utf8Reader(in))) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw empty();
            }
            Row first = nextRow(parser);
            if (first == null) {
                throw empty();
            }
            Header header = Header.of(first.values());
            boolean anyRow = false;
            for (Row row = nextRow(parser); row != null; row = nextRow(parser)) {
                anyRow = true;
                readRow(row.line(), row.values(), header, seriesId, batch);
            }
            if (!anyRow) {
                throw new InvalidBatchException(
                        InvalidBatchException.Reason.NO_ROWS, "The CSV has a header but no data rows.");
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

    /** Turns a failure inside the parser into the refusal its root cause deserves. */
    static RuntimeException translate(JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case RefusedRead refused -> {
                    return refused.refusal();
                }
                case CharacterCodingException coding -> {
                    return wrongEncoding("a byte sequence near line " + lineOf(e) + " is not valid UTF-8");
                }
                case SocketTimeoutException timeout -> {
                    return new SourceUnavailableException(
                            SourceUnavailableException.Reason.TIMED_OUT,
                            "The source stopped sending data (read timeout, bikecast.ingest.fetch.read-timeout).");
                }
                case IOException io -> {
                    return new SourceUnavailableException(
                            SourceUnavailableException.Reason.UNREADABLE,
                            "Reading the source failed: " + io.getMessage());
                }
                default -> {}
            }
        }
        if (e instanceof StreamReadException) {
            return notCsv("The content is not valid CSV near line " + lineOf(e) + ": " + e.getOriginalMessage());
        }
        return notCsv("The content could not be read as CSV: " + e.getOriginalMessage());
    }

    private static InvalidBatchException empty() {
        return new InvalidBatchException(
                InvalidBatchException.Reason.EMPTY, "The CSV is empty: there is not even a header.");
    }

    private static InvalidBatchException notCsv(String why) {
        return new InvalidBatchException(InvalidBatchException.Reason.NOT_CSV, why);
    }

    /** Content that is not UTF-8: {@code why} says where, or what it looks like instead. */
    static InvalidBatchException wrongEncoding(String why) {
        return new InvalidBatchException(
                InvalidBatchException.Reason.WRONG_ENCODING,
                "The CSV must be UTF-8 (or plain ASCII, as the UCI file is): " + why);
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
            List<Violation> faults = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i].strip();
                if (Columns.REQUIRED_CSV.contains(name) || Columns.OPTIONAL_CSV.contains(name)) {
                    if (index.putIfAbsent(name, i) != null) {
                        faults.add(
                                new Violation(HEADER_LINE, name, name, "column appears more than once in the header"));
                    }
                } else {
                    ignored.add(name);
                }
            }
            for (String required : Columns.REQUIRED_CSV) {
                if (!index.containsKey(required)) {
                    faults.add(new Violation(
                            HEADER_LINE, required, null, "required column is missing from the header (line 1)"));
                }
            }
            if (!faults.isEmpty()) {
                // The header itself is not quoted back: fetched from a URL it is someone else's content, and the
                // errors already name every column that is missing or repeated.
                throw new InvalidBatchException(
                        InvalidBatchException.Reason.NOT_CSV,
                        "The header (line 1) must name the columns " + Columns.REQUIRED_CSV + "; " + faults.size()
                                + " of them are missing or repeated (see errors).",
                        faults);
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
