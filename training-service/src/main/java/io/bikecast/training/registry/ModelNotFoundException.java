package io.bikecast.training.registry;

/** The registry has no such model version. */
class ModelNotFoundException extends RuntimeException {

    ModelNotFoundException(String modelName, long version) {
        super("the registry has no version " + version + " of model '" + modelName + "'");
    }
}
