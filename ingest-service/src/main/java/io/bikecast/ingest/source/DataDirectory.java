package io.bikecast.ingest.source;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.web.Problems;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.platform.web.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one directory files may be ingested from by path. A path is resolved against it and then followed through every
 * symbolic link; whatever it finally names must still lie inside the directory, so neither {@code ../} nor an
 * absolute path nor a link can reach anything else.
 */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(IngestProperties properties) {
        this.root = properties.dataDirectory().toAbsolutePath().normalize();
    }

    /**
     * The file a request names.
     *
     * @throws io.bikecast.platform.web.ProblemException 400 if the path leaves the directory, 422 if there is no such
     *     regular file
     */
    public Path resolve(String path) {
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
            throw Problems.of(ProblemType.SOURCE_UNREADABLE, "The file '" + path + "' cannot be read.");
        }
        if (!Files.isRegularFile(real)) {
            throw missing(path);
        }
        return real;
    }

    private static io.bikecast.platform.web.ProblemException outside(String path) {
        return Problems.of(
                ProblemType.PATH_OUTSIDE_DATA_DIRECTORY,
                "Files can only be ingested from the data directory (bikecast.ingest.data-directory); paths are"
                        + " relative to it and may not leave it.",
                List.of(new InvalidField("path", "leaves the data directory", path)));
    }

    private static io.bikecast.platform.web.ProblemException missing(String path) {
        return Problems.of(
                ProblemType.FILE_NOT_FOUND,
                "There is no file '" + path + "' in the data directory.",
                List.of(new InvalidField("path", "no such file in the data directory", path)));
    }
}
