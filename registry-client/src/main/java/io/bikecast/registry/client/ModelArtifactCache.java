package io.bikecast.registry.client;

import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.model.ModelArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last good artifacts of a model on local disk, so that a service can start and serve while the registry is away.
 * Per version it keeps two files, {@code <model>-v<version>.artifact} and {@code <model>-v<version>.json} (the version's
 * description and reference sample), and per model {@code <model>.served.json}, the versions last served.
 *
 * <p>Every file is written to a temporary file in the same directory and then moved into place, so a reader (or a crash
 * half-way) never sees a partial file. The artifact's SHA-256 is checked against the version's recorded checksum both
 * before it is written and whenever it is read: a damaged entry is never handed out, it is reported and removed.
 */
public class ModelArtifactCache {

    private static final Logger log = LoggerFactory.getLogger(ModelArtifactCache.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path directory;

    public ModelArtifactCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Keeps a version. The artifact must be the one its description names.
     *
     * @throws ArtifactRefusedException if the artifact's SHA-256 is not {@code model.version().artifactSha256()}
     */
    public void store(CachedModel model) {
        ModelVersion version = model.version();
        verify(version, model.artifact(), "refusing to cache it");
        try {
            Files.createDirectories(directory);
            writeAtomically(artifactFile(version.modelName(), version.version()), model.artifact());
            writeAtomically(
                    descriptionFile(version.modelName(), version.version()),
                    JSON.writeValueAsBytes(new Description(version, model.reference())));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write " + describe(version) + " to the model cache in " + directory
                            + "; check that the directory is writable",
                    e);
        }
    }

    /** A cached version, its artifact verified; empty if it is not cached or its entry is damaged (then removed). */
    public Optional<CachedModel> load(String modelName, long version) {
        Path descriptionFile = descriptionFile(modelName, version);
        Path artifactFile = artifactFile(modelName, version);
        try {
            Description description = JSON.readValue(Files.readAllBytes(descriptionFile), Description.class);
            byte[] artifact = Files.readAllBytes(artifactFile);
            verify(description.version(), artifact, "discarding the cached copy");
            return Optional.of(new CachedModel(description.version(), description.reference(), artifact));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (ArtifactRefusedException | JacksonException e) {
            log.warn(
                    "The model cache in {} holds a damaged copy of {} v{}: {}",
                    directory,
                    modelName,
                    version,
                    e.getMessage());
            delete(descriptionFile);
            delete(artifactFile);
            return Optional.empty();
        } catch (IOException e) {
            log.warn(
                    "Could not read {} v{} from the model cache in {}: {}",
                    modelName,
                    version,
                    directory,
                    e.toString());
            return Optional.empty();
        }
    }

    /**
     * Records the versions now served and removes every other cached version of the model: the cache holds the last
     * good champion and challenger, not the history.
     */
    public void rememberServed(String modelName, ServedVersions served) {
        try {
            Files.createDirectories(directory);
            writeAtomically(servedFile(modelName), JSON.writeValueAsBytes(served));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not record the served versions of " + modelName + " in the model cache in " + directory
                            + "; check that the directory is writable",
                    e);
        }
        Set<Long> kept = served.challenger() == null
                ? Set.of(served.champion())
                : Set.of(served.champion(), served.challenger());
        Pattern entry = Pattern.compile(Pattern.quote(safe(modelName)) + "-v(\\d+)\\.(artifact|json)");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Matcher matcher = entry.matcher(file.getFileName().toString());
                if (matcher.matches() && !kept.contains(Long.parseLong(matcher.group(1)))) {
                    delete(file);
                }
            }
        } catch (IOException e) {
            log.warn("Could not prune the model cache in {}: {}", directory, e.toString());
        }
    }

    /** The versions last served, if any were recorded. */
    public Optional<ServedVersions> lastServed(String modelName) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(servedFile(modelName)), ServedVersions.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | JacksonException e) {
            log.warn(
                    "Could not read the served versions of {} from the model cache in {}: {}",
                    modelName,
                    directory,
                    e.toString());
            return Optional.empty();
        }
    }

    private static void verify(ModelVersion version, byte[] artifact, String consequence) {
        String actual = ModelArtifacts.sha256(artifact);
        if (!actual.equalsIgnoreCase(version.artifactSha256())) {
            throw new ArtifactRefusedException("the artifact of " + describe(version) + " has SHA-256 " + actual
                    + " but the registry recorded " + version.artifactSha256() + "; " + consequence);
        }
    }

    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {} from the model cache: {}", file, e.toString());
        }
    }

    private Path artifactFile(String modelName, long version) {
        return directory.resolve(safe(modelName) + "-v" + version + ".artifact");
    }

    private Path descriptionFile(String modelName, long version) {
        return directory.resolve(safe(modelName) + "-v" + version + ".json");
    }

    private Path servedFile(String modelName) {
        return directory.resolve(safe(modelName) + ".served.json");
    }

    private static String safe(String modelName) {
        return UNSAFE.matcher(modelName).replaceAll("_");
    }

    private static String describe(ModelVersion version) {
        return version.modelName() + " v" + version.version();
    }

    /** The JSON file kept beside an artifact. */
    private record Description(ModelVersion version, ReferenceSample reference) {}
}
