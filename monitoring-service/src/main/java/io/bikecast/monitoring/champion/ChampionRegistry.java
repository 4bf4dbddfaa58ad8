package io.bikecast.monitoring.champion;

import io.bikecast.common.events.ModelPromoted;
import io.bikecast.common.registry.ReferenceSample;
import io.bikecast.registry.client.ModelVersion;
import io.bikecast.registry.client.RegistryUnavailableException;
import io.bikecast.registry.client.TrainingRegistryClient;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The training service's registry as monitoring reads it: only through the training service's API (its tables are
 * the training service's alone), each model by its name ({@code ?model=}: the training service trains a default model
 * and model families beside it, and a family's promotion must load the family's reference, not the default model's
 * version of the same number). A champion of another name means the two services are configured for different models,
 * which is an error here, not a champion to judge. Every failure to get an answer is a {@link
 * RegistryUnavailableException} naming the registry's URL.
 */
@Component
class ChampionRegistry {

    private final TrainingRegistryClient client;

    ChampionRegistry(TrainingRegistryClient client) {
        this.client = client;
    }

    /** The model's champion now, or empty when it has none yet. */
    Optional<ModelVersion> champion(String modelName) {
        return client.forModel(modelName).alias(ModelPromoted.CHAMPION).map(version -> ofModel(modelName, version));
    }

    /** A version of the model, which the registry must know (it was promoted). */
    ModelVersion version(String modelName, long version) {
        return ofModel(
                modelName,
                client.forModel(modelName)
                        .version(version)
                        .orElseThrow(() -> new IllegalStateException("the registry at " + client.baseUrl()
                                + " has no version " + version + " of " + modelName
                                + " (GET /api/v1/models/" + version + " answered 404)")));
    }

    /** The version's reference sample. */
    ReferenceSample reference(ModelVersion version) {
        return client.forModel(version.modelName()).reference(version);
    }

    private ModelVersion ofModel(String modelName, ModelVersion version) {
        if (!modelName.equals(version.modelName())) {
            throw new IllegalStateException("the registry at " + client.baseUrl() + " serves model '"
                    + version.modelName() + "', not '" + modelName + "': check that bikecast.monitoring.model-name"
                    + " (BIKECAST_MODEL_NAME) and bikecast.monitoring.families[n].model-name name the training"
                    + " service's models");
        }
        return version;
    }
}
