package io.bikecast.ingest;

import io.bikecast.testsupport.UciDataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;

/** Test data: the small CSV fixtures of this module and slices of the UCI file (read where it lies, never copied). */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] fixture(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] hourCsv() {
        try {
            return Files.readAllBytes(UciDataset.hourCsv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header and the lines of {@code hour.csv} whose {@code dteday} passes the filter. */
    public static byte[] hourCsvWhere(Predicate<String> dteday) {
        try {
            List<String> lines = Files.readAllLines(UciDataset.hourCsv());
            StringBuilder csv = new StringBuilder(lines.getFirst()).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                if (dteday.test(line.split(",", 3)[1])) {
                    csv.append(line).append('\n');
                }
            }
            return csv.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
