package io.bikecast.monitoring.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings several features read ({@code bikecast.monitoring.model-name} and {@code .families[n].*}): which
 * models are monitored. Every other setting belongs to the feature that uses it ({@code bikecast.monitoring.drift.*}
 * to drift, {@code .live-error.*} to live error, {@code .policy.*} to the retraining policy, {@code .alerts.*} to
 * alerts, {@code .registry.*} to the champion); docs/monitoring-service.md lists them all as one table.
 *
 * <p>The families are configured, not discovered from the training service's {@code GET /api/v1/models/families}:
 * which models exist for monitoring's API (a 404 for any other) and its schedules must not change with whether the
 * training service answered at start-up, and the training and prediction services are told their families the same
 * way, in the same place of a deployment.
 *
 * @param modelName the registry name of the default model, monitored and retrained, and what {@code ?model=} means
 *     when it is left out (default {@code bike-demand})
 * @param families the model families monitored beside it, each drift-checked, judged and retrained on its own
 *     (default none)
 */
@Validated
@ConfigurationProperties("bikecast.monitoring")
public record MonitoringProperties(
        @DefaultValue("bike-demand") @NotBlank String modelName,
        @Valid List<Family> families) {

    public MonitoringProperties {
        families = families == null ? List.of() : List.copyOf(families);
        Set<String> names = new HashSet<>(Set.of(modelName));
        for (Family family : families) {
            if (!names.add(family.modelName())) {
                throw new IllegalArgumentException("bikecast.monitoring.families names the model '"
                        + family.modelName() + "' twice (or it is bikecast.monitoring.model-name): each model is"
                        + " monitored once");
            }
        }
    }

    /**
     * A model family monitored beside the default model.
     *
     * @param modelName its registry name, as the training service trains it ({@code bikecast.training.families[n]
     *     .model-name}), e.g. {@code citibike-stations}
     * @param seriesPrefix optional: only its predictions for series starting with this (e.g. {@code citibike-}; a
     *     trailing {@code *}, as the training service writes it, is ignored) make its drift window; default every
     *     prediction logged under its name
     */
    public record Family(@NotBlank String modelName, String seriesPrefix) {

        public Family {
            if (seriesPrefix != null) {
                seriesPrefix = seriesPrefix.strip();
                if (seriesPrefix.endsWith("*")) {
                    seriesPrefix = seriesPrefix.substring(0, seriesPrefix.length() - 1);
                }
                if (seriesPrefix.isEmpty()) {
                    seriesPrefix = null;
                }
            }
        }
    }

    /** Every monitored model's name, the default one first. */
    public List<String> models() {
        List<String> models = new ArrayList<>(List.of(modelName));
        families.forEach(family -> models.add(family.modelName()));
        return List.copyOf(models);
    }

    /**
     * The monitored model a request names: the default model when it names none, else the one it names.
     *
     * @throws UnknownModelException if monitoring does not follow a model of that name
     */
    public String model(String requested) {
        if (requested == null || requested.isBlank()) {
            return modelName;
        }
        String name = requested.strip();
        if (!models().contains(name)) {
            throw new UnknownModelException(name, models());
        }
        return name;
    }

    /** Whether monitoring follows the model. */
    public boolean monitors(String name) {
        return models().contains(name);
    }

    /** The series prefix a model's drift window is restricted to, if its family sets one. */
    public Optional<String> seriesPrefix(String name) {
        return families.stream()
                .filter(family -> family.modelName().equals(name))
                .findFirst()
                .map(Family::seriesPrefix);
    }
}
