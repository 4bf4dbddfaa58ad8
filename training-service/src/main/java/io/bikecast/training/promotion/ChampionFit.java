package io.bikecast.training.promotion;

import io.bikecast.model.Forecaster;
import io.bikecast.training.forecast.Recipe;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * What a run needs to know of the champion before it trains: where its served fit ended (the holdout begins after
 * it), and what that fit learned with which recipe, so that an evaluation fit that would learn the same hours with the
 * same recipe (algorithm, parameters, target and calibration) can be the champion itself instead of a second,
 * identical forecaster.
 *
 * @param datasetVersion the checksum of the hours the champion's served fit learned
 * @param recipe the champion's recipe, or null when it has none that a run could repeat (a single forest stored
 *     before forecasters, or settings that no longer read)
 * @param forecaster loads the champion (from memory once loaded)
 */
public record ChampionFit(
        long version,
        LocalDateTime trainedThrough,
        String datasetVersion,
        Recipe recipe,
        Supplier<Forecaster> forecaster) {}
