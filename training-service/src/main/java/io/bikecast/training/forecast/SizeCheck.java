package io.bikecast.training.forecast;

/**
 * Told the size of a forecaster as its models are fitted, so that one too large to serve fails as soon as it is, before
 * the next model is grown.
 */
@FunctionalInterface
public interface SizeCheck {

    /**
     * @param fit which fit it is, for a message (the evaluation fit, the served fit)
     * @param nodes the tree nodes of its models fitted so far
     * @param trees the trees of its models fitted so far
     */
    void check(String fit, long nodes, int trees);
}
