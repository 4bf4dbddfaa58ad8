package io.bikecast.training.registry;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.common.events.ModelPromoted;
import io.bikecast.platform.outbox.Outbox;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves the {@code champion} and {@code challenger} aliases inside the caller's transaction: points the alias, updates
 * the statuses of the versions involved, records the move in the alias history and writes a {@code model-promoted}
 * event to the outbox. The caller holds the model's registry lock.
 */
@Component
public class AliasMover {

    private final RegistryStore store;
    private final Outbox outbox;
    private final JsonMapper json;

    public AliasMover(RegistryStore store, Outbox outbox, JsonMapper json) {
        this.store = store;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * Makes a version the champion.
     *
     * @param previousChampionStatus what the replaced champion becomes: archived, or rejected on a rollback
     * @param evidence extra figures recorded with the move (e.g. the promotion decision), may be empty
     * @return the replaced champion, if there was one
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> makeChampion(
            Version version,
            String source,
            String reason,
            String previousChampionStatus,
            Map<String, Object> evidence) {
        String model = version.modelName();
        Optional<Long> previous = store.aliasVersion(model, ModelRegistryReader.CHAMPION);
        if (store.aliasOf(model, version.version())
                .filter(ModelRegistryReader.CHALLENGER::equals)
                .isPresent()) {
            store.clearAlias(model, ModelRegistryReader.CHALLENGER);
            store.recordAliasChange(
                    model,
                    ModelRegistryReader.CHALLENGER,
                    null,
                    version.version(),
                    source,
                    "v" + version.version() + " became champion",
                    null);
        }
        previous.ifPresent(old -> store.setStatus(model, old, previousChampionStatus));
        store.pointAlias(model, ModelRegistryReader.CHAMPION, version.version());
        store.setStatus(model, version.version(), ModelRegistryReader.CHAMPION);
        record(version, ModelRegistryReader.CHAMPION, previous, source, reason, evidence);
        return previous;
    }

    /** Makes a version the challenger; the replaced challenger is archived. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> makeChallenger(Version version, String source, String reason, Map<String, Object> evidence) {
        String model = version.modelName();
        Optional<Long> previous = store.aliasVersion(model, ModelRegistryReader.CHALLENGER);
        previous.ifPresent(old -> store.setStatus(model, old, "archived"));
        store.pointAlias(model, ModelRegistryReader.CHALLENGER, version.version());
        store.setStatus(model, version.version(), ModelRegistryReader.CHALLENGER);
        record(version, ModelRegistryReader.CHALLENGER, previous, source, reason, evidence);
        return previous;
    }

    private void record(
            Version version,
            String alias,
            Optional<Long> previous,
            String source,
            String reason,
            Map<String, Object> evidence) {
        Optional<ModelMetrics> previousMetrics =
                previous.flatMap(old -> store.find(version.modelName(), old)).map(ModelVersionView::metrics);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("holdout", version.metrics());
        previousMetrics.ifPresent(m -> metrics.put("previousHoldout", m));
        metrics.putAll(evidence);
        store.recordAliasChange(
                version.modelName(),
                alias,
                version.version(),
                previous.orElse(null),
                source,
                reason,
                json.writeValueAsString(metrics));
        outbox.append(ModelPromoted.of(
                        version.modelName(),
                        version.version(),
                        alias,
                        version.artifactSha256(),
                        previous.orElse(null),
                        reason,
                        version.metrics(),
                        previousMetrics.orElse(null))
                .withTrainedThrough(version.trainedThrough())
                .withNextHourMetrics(version.nextHour()));
    }

    /**
     * The facts about a version an alias move needs.
     *
     * @param trainedThrough the last hour its stored artifact learned from, announced with the move
     * @param nextHour its holdout metrics one hour ahead (lead 1), or null for a version without leads
     */
    public record Version(
            String modelName,
            long version,
            String artifactSha256,
            ModelMetrics metrics,
            LocalDateTime trainedThrough,
            @Nullable ModelMetrics nextHour) {

        static Version of(ModelVersionView view) {
            return new Version(
                    view.modelName(),
                    view.version(),
                    view.artifactSha256(),
                    view.metrics(),
                    view.trainedThrough(),
                    nextHour(view.leads()));
        }

        private static @Nullable ModelMetrics nextHour(@Nullable JsonNode leads) {
            if (leads == null) {
                return null;
            }
            for (JsonNode lead : leads) {
                if (lead.path("lead").asInt() == 1) {
                    return new ModelMetrics(
                            lead.path("rmse").asDouble(),
                            lead.path("mae").asDouble(),
                            lead.path("r2").asDouble(),
                            lead.path("withinTwentyPercent").asDouble());
                }
            }
            return null;
        }
    }
}
