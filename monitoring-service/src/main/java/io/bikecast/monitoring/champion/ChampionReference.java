package io.bikecast.monitoring.champion;

import io.bikecast.common.registry.ReferenceSample;
import java.time.Instant;

/** The champion's reference sample, as fetched from the training service's registry API. */
public record ChampionReference(String modelName, long version, ReferenceSample sample, Instant loadedAt) {}
