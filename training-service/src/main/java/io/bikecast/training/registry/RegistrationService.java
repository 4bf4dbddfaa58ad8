package io.bikecast.training.registry;

import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.platform.outbox.Outbox;
import io.bikecast.training.run.TrainedModel;
import io.bikecast.training.run.TrainingRunRepository;
import io.bikecast.training.run.TrainingRunRepository.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers a trained model: in one transaction, the new version, the alias move the promotion policy decided, the
 * run's outcome and the events announcing them (to the outbox, published after commit).
 */
@Service
public class RegistrationService {

    /** The algorithm name recorded for random forests. */
    public static final String RANDOM_FOREST = "random-forest";

    private final RegistryStore store;
    private final AliasMover aliases;
    private final Outbox outbox;
    private final TrainingRunRepository runs;
    private final JsonMapper json;

    public RegistrationService(
            RegistryStore store, AliasMover aliases, Outbox outbox, TrainingRunRepository runs, JsonMapper json) {
        this.store = store;
        this.aliases = aliases;
        this.outbox = outbox;
        this.runs = runs;
        this.json = json;
    }

    /**
     * @param comparedChampion the champion version the decision was taken against, if any; if the champion moved
     *     while the run trained (a person promoted another version), a decision to promote is downgraded to challenger
     * @param source what moves an alias: the run's trigger (schedule, drift, ingest, api)
     */
    @Transactional
    public Registration register(
            String modelName,
            UUID runId,
            TrainedModel trained,
            PromotionDecision decision,
            Optional<Long> comparedChampion,
            String source,
            String runReason) {
        store.lockModel(modelName);
        Optional<Long> championNow = store.aliasVersion(modelName, ModelRegistryReader.CHAMPION);
        if (!championNow.equals(comparedChampion) && decision.outcome().equals(PromotionDecision.CHAMPION)) {
            List<String> reasons = new ArrayList<>(decision.reasons());
            reasons.add(
                    "the champion changed to " + championNow.map(v -> "v" + v).orElse("none")
                            + " while this version trained: kept as challenger for a person to compare");
            decision = decision.withOutcome(PromotionDecision.CHALLENGER, reasons);
        }
        long version = store.nextVersion(modelName);
        String decisionJson = json.writeValueAsString(decision);
        String parameters = json.writeValueAsString(trained.settings());
        store.insert(new RegistryStore.NewVersion(
                modelName,
                version,
                RANDOM_FOREST,
                decision.outcome().equals(PromotionDecision.REJECTED) ? "rejected" : "candidate",
                FeatureSchema.VERSION,
                parameters,
                trained.metrics(),
                trained.split().trainingStart(),
                trained.split().trainingEnd(),
                trained.split().holdoutStart(),
                trained.split().holdoutEnd(),
                trained.servedFit().start(),
                trained.servedFit().end(),
                trained.servedFit().rows(),
                trained.datasetVersion(),
                trained.artifact(),
                trained.artifactSha256(),
                trained.artifactRawBytes(),
                json.writeValueAsString(trained.referenceSample()),
                runId,
                decisionJson));
        AliasMover.Version moved = new AliasMover.Version(
                modelName,
                version,
                trained.artifactSha256(),
                trained.metrics(),
                trained.servedFit().end());
        String reason = String.join("; ", decision.reasons()) + " (run: " + runReason + ")";
        // The trained event goes first, so that consumers of the lifecycle topic see a version before its promotion.
        outbox.append(ModelTrained.of(modelName, version, runId, RANDOM_FOREST, trained.metrics(), decision.outcome()));
        switch (decision.outcome()) {
            case PromotionDecision.CHAMPION ->
                aliases.makeChampion(moved, source, reason, "archived", Map.of("decision", decision));
            case PromotionDecision.CHALLENGER ->
                aliases.makeChallenger(moved, source, reason, Map.of("decision", decision));
            default -> {
                // Rejected: registered for the record, no alias moves.
            }
        }
        runs.recordSuccess(
                runId,
                new RunRecord(
                        trained.split().trainingStart(),
                        trained.split().trainingEnd(),
                        trained.split().holdoutStart(),
                        trained.split().holdoutEnd(),
                        trained.split().training().size(),
                        trained.split().holdout().size(),
                        trained.servedFit(),
                        trained.datasetVersion(),
                        trained.metrics(),
                        version,
                        decisionJson,
                        trained.provenance()));
        return new Registration(version, decision);
    }
}
