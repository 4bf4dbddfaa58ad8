package io.bikecast.training.registry;

/** The registry has no such version of the model. */
public class VersionNotFoundException extends RuntimeException {

    private final long version;

    public VersionNotFoundException(String modelName, long version) {
        super("model " + modelName + " has no version " + version);
        this.version = version;
    }

    /** The version asked for. */
    public long version() {
        return version;
    }
}
