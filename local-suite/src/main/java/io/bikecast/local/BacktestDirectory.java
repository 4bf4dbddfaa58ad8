package io.bikecast.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * A backtest's directory, wiped before every run so that each starts from an empty database. Only a directory that is
 * empty, missing or marked as a backtest's by an earlier run is wiped: a mistyped {@code --out} never deletes a
 * user's files.
 */
final class BacktestDirectory {

    static final String MARKER = ".bikecast-backtest";

    private BacktestDirectory() {}

    static void prepare(Path directory) {
        try {
            if (Files.exists(directory)) {
                if (!Files.isDirectory(directory)) {
                    throw new IllegalArgumentException(directory.toAbsolutePath() + " is a file, not a directory;"
                            + " give --out a directory for the backtest's data and reports");
                }
                if (!isEmpty(directory) && !Files.exists(directory.resolve(MARKER))) {
                    throw new IllegalArgumentException(directory.toAbsolutePath() + " is not empty and was not made"
                            + " by a backtest (no " + MARKER + " in it), so it is not wiped; choose another --out or"
                            + " empty it");
                }
                wipe(directory);
            }
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(MARKER), "made by bin/local-suite backtest; wiped by the next run\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the backtest directory " + directory.toAbsolutePath(), e);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void wipe(Path directory) throws IOException {
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!dir.equals(directory)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
