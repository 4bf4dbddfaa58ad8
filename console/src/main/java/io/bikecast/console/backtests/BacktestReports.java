package io.bikecast.console.backtests;

import io.bikecast.console.ConsoleProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code backtest.json} files under the configured directory: in it, or in a folder directly under it (one per
 * run, as {@code bin/local-suite backtest --directory} names them). Read only, and only those files.
 */
@Component
class BacktestReports {

    static final String FILE = "backtest.json";

    private static final JsonMapper JSON = new JsonMapper();

    private final Path directory;

    BacktestReports(ConsoleProperties properties) {
        this.directory = properties.backtestDirectory().toAbsolutePath().normalize();
    }

    Path directory() {
        return directory;
    }

    /**
     * One report found.
     *
     * @param name its folder under the directory, {@code .} for the directory itself
     */
    record Found(String name, Path file) {}

    /** Every report, newest first by the file's time. */
    List<Found> list() {
        List<Found> found = new ArrayList<>();
        if (Files.isRegularFile(directory.resolve(FILE))) {
            found.add(new Found(".", directory.resolve(FILE)));
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> children = Files.list(directory)) {
                children.filter(child -> Files.isRegularFile(child.resolve(FILE)))
                        .map(child -> new Found(child.getFileName().toString(), child.resolve(FILE)))
                        .forEach(found::add);
            } catch (IOException e) {
                return found;
            }
        }
        found.sort(Comparator.comparing(BacktestReports::modified).reversed());
        return found;
    }

    /** The report of that name (one of {@link #list}'s, never a path of the caller's), or the newest. */
    Optional<Found> find(String name) {
        List<Found> all = list();
        return name == null || name.isBlank()
                ? all.stream().findFirst()
                : all.stream().filter(found -> found.name().equals(name)).findFirst();
    }

    /** The report's figures; a file that is not a backtest's JSON is an {@link IllegalStateException}. */
    JsonNode read(Found found) {
        try {
            return JSON.readTree(Files.readString(found.file()));
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException(found.file() + " cannot be read as a backtest report: " + e.getMessage());
        }
    }

    private static long modified(Found found) {
        try {
            return Files.getLastModifiedTime(found.file()).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
