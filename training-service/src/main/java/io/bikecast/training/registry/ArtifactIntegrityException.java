package io.bikecast.training.registry;

/** A stored artifact does not match the checksum the registry recorded for it: it must not be served. */
public class ArtifactIntegrityException extends RuntimeException {

    public ArtifactIntegrityException(String modelName, long version, String expected, String actual) {
        super("artifact of " + modelName + " v" + version + " has SHA-256 " + actual + " but the registry recorded "
                + expected + "; refusing to load it");
    }
}
