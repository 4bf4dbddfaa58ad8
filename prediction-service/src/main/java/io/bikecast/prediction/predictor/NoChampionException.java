package io.bikecast.prediction.predictor;

/**
 * No champion is loaded, so there is nothing honest to answer with: never a made-up number. The web layer answers it
 * as a 503 {@code no-champion} problem; this exception itself knows nothing of HTTP.
 */
public class NoChampionException extends RuntimeException {

    private final String modelName;

    NoChampionException(String modelName) {
        super("No champion of model '" + modelName + "' is loaded yet: the training service's registry names none,"
                + " or it could not be reached and the disk cache holds none. Predictions are answered as soon"
                + " as a champion is promoted or the registry is back.");
        this.modelName = modelName;
    }

    /** The model that has no champion. */
    public String modelName() {
        return modelName;
    }
}
