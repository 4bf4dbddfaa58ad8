package io.bikecast.training.run;

import io.bikecast.common.events.ModelTrained;
import io.bikecast.common.features.FeatureSchema;
import io.bikecast.model.ForecasterArtifacts;
import io.bikecast.platform.outbox.Outbox;
import io.bikecast.training.forecast.LeadScore;
import io.bikecast.training.promotion.PromotionDecision;
import io.bikecast.training.registry.AliasMover;
import io.bikecast.training.registry.ModelRegistryReader;
import io.bikecast.training.registry.RegistryStore;
import io.bikecast.training.run.TrainingRunRepository.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers a run's trained forecaster: in one transaction, the run's outcome, the new version (with every candidate
 * and each lead's holdout score and interval), the alias move the promotion
 * gate decided and the events announcing them (to the outbox, published after commit). The run's outcome goes first
 * and is guarded by the run's owner, so an instance whose run was taken over registers and announces nothing.
 */
@Service
class RunRegistration {

    private final TransactionTemplate transactions;
    private final RegistryStore store;
    private final AliasMover aliases;
    private final Outbox outbox;
    private final TrainingRunRepository runs;
    private final JsonMapper json;

    RunRegistration(
            TransactionTemplate transactions,
            RegistryStore store,
            AliasMover aliases,
            Outbox outbox,
            TrainingRunRepository runs,
            JsonMapper json) {
        this.transactions = transactions;
        this.store = store;
        this.aliases = aliases;
        this.outbox = outbox;
        this.runs = runs;
        this.json = json;
    }

    /**
     * Registers the model. If the champion moved while the run trained (a person promoted another version than the one
     * the decision was taken against), a decision to promote is downgraded to challenger. The alias moves with the
     * run's trigger as its source (schedule, drift, ingest, api).
     *
     * @throws RunTakenOverException if another instance took the run over: nothing was registered
     */
    Registration register(ClaimedRun run, TrainedModel trained, PromotionDecision decision) {
        return transactions.execute(status -> registerInTransaction(run, trained, decision));
    }

    private Registration registerInTransaction(ClaimedRun run, TrainedModel trained, PromotionDecision decided) {
        String modelName = run.modelName();
        store.lockModel(modelName);
        PromotionDecision decision = unlessTheChampionMoved(modelName, decided);
        long version = store.nextVersion(modelName);
        String decisionJson = json.writeValueAsString(decision);
        String candidatesJson = json.writeValueAsString(CandidateSummaries.of(trained.candidates(), trained.chosen()));
        String algorithm = trained.forecaster().algorithm();
        if (!runs.recordSuccess(run, RunRecord.of(trained, version, decisionJson, candidatesJson))) {
            throw new RunTakenOverException(run.id(), run.owner());
        }
        store.insert(new RegistryStore.NewVersion(
                modelName,
                version,
                algorithm,
                decision.outcome().equals(PromotionDecision.REJECTED) ? "rejected" : "candidate",
                FeatureSchema.VERSION,
                json.writeValueAsString(trained.settings()),
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
                run.id(),
                decisionJson,
                ForecasterArtifacts.FORMAT,
                trained.forecaster().target(),
                candidatesJson,
                trained.chosen().leads()));
        AliasMover.Version moved = new AliasMover.Version(
                modelName,
                version,
                trained.artifactSha256(),
                trained.metrics(),
                trained.servedFit().end(),
                trained.chosen().leads().stream()
                        .filter(lead -> lead.lead() == 1)
                        .map(LeadScore::metrics)
                        .findFirst()
                        .orElse(null));
        String source = run.trigger().dbValue();
        String reason = String.join("; ", decision.reasons()) + " (run: " + run.reason() + ")";
        // The trained event goes first, so that consumers of the lifecycle topic see a version before its promotion.
        outbox.append(ModelTrained.of(modelName, version, run.id(), algorithm, trained.metrics(), decision.outcome()));
        switch (decision.outcome()) {
            case PromotionDecision.CHAMPION ->
                aliases.makeChampion(moved, source, reason, "archived", Map.of("decision", decision));
            case PromotionDecision.CHALLENGER ->
                aliases.makeChallenger(moved, source, reason, Map.of("decision", decision));
            default -> {
                // Rejected: registered for the record, no alias moves.
            }
        }
        return new Registration(version, decision);
    }

    private PromotionDecision unlessTheChampionMoved(String modelName, PromotionDecision decision) {
        Optional<Long> compared = Optional.ofNullable(decision.championVersion());
        Optional<Long> championNow = store.aliasVersion(modelName, ModelRegistryReader.CHAMPION);
        if (championNow.equals(compared) || !decision.outcome().equals(PromotionDecision.CHAMPION)) {
            return decision;
        }
        List<String> reasons = new ArrayList<>(decision.reasons());
        reasons.add("the champion changed to " + championNow.map(v -> "v" + v).orElse("none")
                + " while this version trained: kept as challenger for a person to compare");
        return decision.withOutcome(PromotionDecision.CHALLENGER, reasons);
    }
}
