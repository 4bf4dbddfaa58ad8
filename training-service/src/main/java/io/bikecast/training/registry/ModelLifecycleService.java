package io.bikecast.training.registry;

import io.bikecast.common.features.FeatureSchema;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What people do to the registry by hand: promote a version, or roll the champion back. */
@Service
class ModelLifecycleService {

    /** The alias-history source of every change made through the API. */
    static final String API = "api";

    private final RegistryStore store;
    private final AliasMover aliases;
    private final ModelRegistryReader reader;
    private final TransactionTemplate transactions;

    ModelLifecycleService(
            RegistryStore store, AliasMover aliases, ModelRegistryReader reader, TransactionTemplate transactions) {
        this.store = store;
        this.aliases = aliases;
        this.reader = reader;
        this.transactions = transactions;
    }

    /**
     * Points an alias at a version. The version's artifact must load and match its checksum, and its feature schema
     * must be the one this code computes.
     *
     * @throws VersionNotFoundException if there is no such version
     * @throws PromotionRefusedException if it already holds the alias, has another feature schema, or fails its
     *     checksum
     */
    ModelVersionView promote(String modelName, long version, String alias, String reason) {
        ModelVersionView target =
                store.find(modelName, version).orElseThrow(() -> new VersionNotFoundException(modelName, version));
        if (alias.equals(target.alias())) {
            throw new PromotionRefusedException("Already " + alias, "v" + version + " already is the " + alias);
        }
        if (target.featureSchema() != FeatureSchema.VERSION) {
            throw new PromotionRefusedException(
                    "Incompatible feature schema",
                    "v" + version + " was trained on feature schema " + target.featureSchema() + " but this code base"
                            + " serves schema " + FeatureSchema.VERSION);
        }
        verifyArtifact(modelName, version);
        transactions.executeWithoutResult(status -> {
            store.lockModel(modelName);
            AliasMover.Version moved = AliasMover.Version.of(target);
            String why = "manual promotion: " + reason;
            if (alias.equals(ModelRegistryReader.CHAMPION)) {
                aliases.makeChampion(moved, API, why, "archived", Map.of());
            } else {
                aliases.makeChallenger(moved, API, why, Map.of());
            }
        });
        return store.find(modelName, version).orElseThrow();
    }

    /**
     * Gives the champion alias back to the previous champion; the current one is marked rejected, so that a second
     * rollback goes one further back instead of returning to it.
     *
     * @throws PromotionRefusedException if there is no champion, none before it, or its artifact fails its checksum
     */
    ModelVersionView rollback(String modelName, String reason) {
        long restored = transactions.execute(status -> {
            store.lockModel(modelName);
            long current = store.aliasVersion(modelName, ModelRegistryReader.CHAMPION)
                    .orElseThrow(() -> new PromotionRefusedException(
                            "No champion", "model " + modelName + " has no champion to roll back"));
            long previous = store.previousChampion(modelName, current)
                    .orElseThrow(() -> new PromotionRefusedException(
                            "Nothing to roll back to",
                            "v" + current + " is the only champion model " + modelName + " has had"));
            verifyArtifact(modelName, previous);
            ModelVersionView target = store.find(modelName, previous).orElseThrow();
            aliases.makeChampion(
                    AliasMover.Version.of(target),
                    API,
                    "rollback from v" + current + ": " + reason,
                    "rejected",
                    Map.of());
            return previous;
        });
        return store.find(modelName, restored).orElseThrow();
    }

    private void verifyArtifact(String modelName, long version) {
        try {
            reader.load(modelName, version);
        } catch (ArtifactIntegrityException e) {
            throw new PromotionRefusedException("Corrupted artifact", e.getMessage());
        }
    }
}
