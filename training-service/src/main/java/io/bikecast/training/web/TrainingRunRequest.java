package io.bikecast.training.web;

import io.bikecast.training.run.RunOverrides;

/**
 * The body of {@code POST /api/v1/training-runs}; every field is optional.
 *
 * @param reason why the run is wanted, kept with the run and the alias history (default "manual request"; at most 500
 *     characters)
 * @param parameters hyper-parameter and window overrides for this run only
 */
public record TrainingRunRequest(String reason, RunOverrides parameters) {}
