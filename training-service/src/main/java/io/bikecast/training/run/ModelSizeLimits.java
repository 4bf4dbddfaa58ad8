package io.bikecast.training.run;

import io.bikecast.training.config.TrainingProperties;
import java.util.Locale;
import org.springframework.util.unit.DataSize;

/**
 * The bounds on a forecaster's size that a run checks while fitting and before anything is registered: the nodes of
 * all the trees of all its models ({@code bikecast.training.max-tree-nodes}) and its stored artifact ({@code
 * bikecast.training.max-artifact-bytes}). Parameters or data that grow a forest too large to load (thousands of trees,
 * leaves of one row) would otherwise become a champion that every prediction instance fails to load at start-up.
 */
final class ModelSizeLimits {

    static final String MAX_TREE_NODES = "bikecast.training.max-tree-nodes";
    static final String MAX_ARTIFACT_BYTES = "bikecast.training.max-artifact-bytes";

    private final long maxTreeNodes;
    private final DataSize maxArtifactBytes;

    ModelSizeLimits(TrainingProperties properties) {
        this.maxTreeNodes = properties.maxTreeNodes();
        this.maxArtifactBytes = properties.maxArtifactBytes();
        if (maxTreeNodes < 1 || maxArtifactBytes.toBytes() < 1) {
            throw new IllegalArgumentException(MAX_TREE_NODES + " and " + MAX_ARTIFACT_BYTES + " must be positive but"
                    + " were " + maxTreeNodes + " and " + maxArtifactBytes + "; unset them for the defaults");
        }
    }

    /**
     * Checks a forecaster's size as its models are fitted: the nodes of all its models so far, against the limit for
     * the whole forecaster.
     *
     * @param fit which fit it is, for the message (the evaluation fit, the served fit)
     * @param nodes the tree nodes of its models fitted so far
     * @param trees the trees of its models fitted so far
     * @throws ModelTooLargeException if they have more nodes than the limit
     */
    void checkNodes(String fit, long nodes, int trees) {
        if (nodes > maxTreeNodes) {
            throw new ModelTooLargeException(String.format(
                    Locale.ROOT,
                    "the %s has %d tree nodes in %d trees, more than the %d that %s allows; nothing was registered."
                            + " Train fewer or smaller trees (lower trees or maxDepth, raise minChildWeight) or raise"
                            + " %s if every prediction instance has the heap to load such a model",
                    fit,
                    nodes,
                    trees,
                    maxTreeNodes,
                    MAX_TREE_NODES,
                    MAX_TREE_NODES));
        }
    }

    /** @throws ModelTooLargeException if the stored artifact is larger than the limit */
    void checkArtifact(long storedBytes) {
        if (storedBytes > maxArtifactBytes.toBytes()) {
            throw new ModelTooLargeException(String.format(
                    Locale.ROOT,
                    "the stored artifact of the served fit has %d bytes, more than the %d (%s) that %s allows; nothing"
                            + " was registered. Train fewer or smaller trees (lower trees or maxDepth, raise"
                            + " minChildWeight) or raise %s",
                    storedBytes,
                    maxArtifactBytes.toBytes(),
                    readable(maxArtifactBytes),
                    MAX_ARTIFACT_BYTES,
                    MAX_ARTIFACT_BYTES));
        }
    }

    /** E.g. {@code 64MB}, as the property would be written. */
    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + "KB" : bytes + "B";
    }
}
