package io.bikecast.prediction.model;

/**
 * How one model of a forecaster computes its output from a {@link ServingVector}: a compiled forest, compiled boosted
 * trees, or Tribuo itself. Its output is in the model's target space (see {@link ServedLead}, which turns it into
 * rentals). Implementations are immutable and thread-safe.
 */
sealed interface LeadEngine permits CompiledForest, CompiledBoosting, TribuoPredictor {

    /** The model's output and, for a forest, the 10th and 90th percentiles of its trees' outputs (else NaN). */
    ModelOutput predict(double[] vector);

    /** The number of trees: a forest's are averaged and their spread makes the interval, boosted ones are summed. */
    int members();

    /** How predictions are computed, for health and the models endpoint: {@code compiled} or {@code tribuo}. */
    String engine();
}
