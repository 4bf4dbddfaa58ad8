package io.bikecast.training.api;

import io.bikecast.platform.web.ProblemException;
import io.bikecast.training.config.ModelFamily;
import io.bikecast.training.config.TrainingProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code model} query parameter of the registry's and the runs' endpoints: absent, the default model; otherwise
 * one of the families this service trains, or a 404 naming the ones it does.
 */
public final class ModelNames {

    private final TrainingProperties properties;

    public ModelNames(TrainingProperties properties) {
        this.properties = properties;
    }

    /** Every model the service trains, the default one first. */
    public List<ModelFamily> models() {
        return properties.models();
    }

    /** @throws ProblemException 404 when this service trains no model of that name */
    public String modelName(@Nullable String model) {
        return properties
                .model(model)
                .map(ModelFamily::modelName)
                .orElseThrow(() -> ProblemException.notFound("This service trains no model '" + model + "'; it trains "
                        + properties.models().stream()
                                .map(ModelFamily::modelName)
                                .toList() + "."));
    }
}
