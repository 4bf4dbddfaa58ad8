package io.bikecast.ingest.source;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.input.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The one directory files may be ingested from by path. A path is resolved against it and then followed through every
 * symbolic link; whatever it finally names must still lie inside the directory, so neither {@code ../} nor an
 * absolute path nor a link can reach anything else.
 */
@Component
class DataDirectory {

    private final Path root;

    DataDirectory(IngestProperties properties) {
        this.root = properties.dataDirectory().toAbsolutePath().normalize();
    }

    /**
     * The file a request names.
     *
     * @throws RefusedSourceException if the path leaves the directory or there is no such regular file
     * @throws SourceUnavailableException if it cannot be read
     */
    Path resolve(String path) {
        Path candidate;
        try {
            candidate = root.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw outside(path);
        }
        if (!candidate.startsWith(root)) {
            throw outside(path);
        }
        Path real;
        try {
            real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw outside(path);
            }
        } catch (NoSuchFileException e) {
            throw missing(path);
        } catch (IOException e) {
            throw new SourceUnavailableException(
                    SourceUnavailableException.Reason.UNREADABLE, "The file '" + path + "' cannot be read.");
        }
        if (!Files.isRegularFile(real)) {
            throw missing(path);
        }
        return real;
    }

    private static RefusedSourceException outside(String path) {
        return new RefusedSourceException(
                RefusedSourceException.Reason.OUTSIDE_DATA_DIRECTORY,
                "Files can only be ingested from the data directory (bikecast.ingest.data-directory); paths are"
                        + " relative to it and may not leave it.",
                "path",
                "leaves the data directory",
                path);
    }

    private static RefusedSourceException missing(String path) {
        return new RefusedSourceException(
                RefusedSourceException.Reason.NO_SUCH_FILE,
                "There is no file '" + path + "' in the data directory.",
                "path",
                "no such file in the data directory",
                path);
    }
}
