package io.bikecast.training.run;

/**
 * The body of {@code POST /api/v1/training-runs}; every field is optional.
 *
 * @param reason why the run is wanted, kept with the run and the alias history (default "manual request"; at most 500
 *     characters)
 * @param parameters hyper-parameter and window overrides for this run only
 * @param model which of the service's models to train (default: the default model, {@code
 *     bikecast.training.model-name}); a family's name trains that family
 */
record TrainingRunRequest(String reason, RunOverrides parameters, String model) {}
