package io.bikecast.training.run;

/**
 * The body of {@code POST /api/v1/training-runs}; every field is optional.
 *
 * @param reason why the run is wanted, kept with the run and the alias history (default "manual request"; at most 500
 *     characters)
 * @param parameters hyper-parameter and window overrides for this run only
 */
record TrainingRunRequest(String reason, RunOverrides parameters) {}
