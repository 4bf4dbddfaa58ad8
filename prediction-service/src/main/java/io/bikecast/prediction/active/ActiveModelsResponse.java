package io.bikecast.prediction.active;

import io.bikecast.common.events.ModelMetrics;
import io.bikecast.model.TargetTransform;
import io.bikecast.prediction.PredictionProperties.ChallengerMode;
import io.bikecast.prediction.model.ServedModel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The models being served now.
 *
 * @param champion the champion, or null before one could be loaded (predictions then get 503)
 * @param challenger the challenger with its traffic, or null when the registry names none
 * @param since when this pair started serving
 */
record ActiveModelsResponse(
        String modelName,
        @Nullable Model champion,
        @Nullable Challenger challenger,
        Instant since) {

    /**
     * One served version.
     *
     * @param engine of its model without history: {@code compiled} (flattened into arrays, checked against Tribuo at
     *     load) or {@code tribuo}
     * @param members trees of its model without history (a forest's spread gives the interval)
     * @param target what its models learn: {@code COUNT}, or {@code LOG1P} of it
     * @param leads the leads it has models for, 0 (no history) first: a legacy single forest has only 0
     */
    record Model(
            long version,
            String algorithm,
            String artifactSha256,
            ModelMetrics metrics,
            String engine,
            int members,
            Instant loadedAt,
            TargetTransform target,
            List<Integer> leads) {

        static @Nullable Model of(@Nullable ServedModel served) {
            return served == null
                    ? null
                    : new Model(
                            served.version(),
                            served.algorithm(),
                            served.artifactSha256(),
                            served.metrics(),
                            served.withoutHistory().engine(),
                            served.withoutHistory().members(),
                            served.loadedAt(),
                            served.target(),
                            served.leadHours());
        }
    }

    /**
     * The challenger and its traffic.
     *
     * @param mode {@code AB}: it answers {@code share} of requests; {@code SHADOW}: it predicts every request, only
     *     logged; {@code OFF}: loaded, no traffic
     */
    record Challenger(Model model, ChallengerMode mode, double share) {}
}
