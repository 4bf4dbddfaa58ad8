package io.bikecast.common.registry;

/** The registry has no such model version. */
public class ModelNotFoundException extends RuntimeException {

    public ModelNotFoundException(String modelName, long version) {
        super("the registry has no version " + version + " of model '" + modelName + "'");
    }
}
