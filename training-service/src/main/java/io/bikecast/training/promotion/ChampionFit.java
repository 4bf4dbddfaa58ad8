package io.bikecast.training.promotion;

import io.bikecast.training.forest.ForestParameters;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.tribuo.Model;
import org.tribuo.regression.Regressor;

/**
 * What a run needs to know of the champion before it trains: where its served fit ended (the holdout begins after
 * it), and what that fit learned with which recipe, so that an evaluation fit that would learn the same hours with the
 * same recipe (and seed) can be the champion itself instead of a second, identical forest.
 *
 * @param datasetVersion the checksum of the hours the champion's served fit learned
 * @param forest the champion's forest parameters, or null when they cannot be read
 * @param model loads the champion (from memory once loaded)
 */
public record ChampionFit(
        long version,
        LocalDateTime trainedThrough,
        String datasetVersion,
        ForestParameters forest,
        Supplier<Model<Regressor>> model) {}
