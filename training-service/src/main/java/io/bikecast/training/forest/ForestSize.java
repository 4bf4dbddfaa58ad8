package io.bikecast.training.forest;

import org.tribuo.Model;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * The size of a forest as a loader pays for it: the nodes of all its trees. A served model's heap and load time grow
 * with its nodes (the default forest: about 1.3 million nodes, 185 MB of heap), so a limit on them keeps a model that
 * no prediction instance can load out of the registry.
 */
public final class ForestSize {

    private ForestSize() {}

    /** The nodes (splits and leaves) of every tree of the model; a single tree counts as a forest of one. */
    public static long nodes(Model<Regressor> model) {
        if (model instanceof EnsembleModel<Regressor> ensemble) {
            long nodes = 0;
            for (Model<Regressor> member : ensemble.getModels()) {
                nodes += nodes(member);
            }
            return nodes;
        }
        if (model instanceof IndependentRegressionTreeModel tree) {
            long nodes = 0;
            for (Node<Regressor> root : tree.getRoots().values()) {
                nodes += tree.countNodes(root);
            }
            return nodes;
        }
        if (model instanceof TreeModel<Regressor> tree) {
            return tree.countNodes(tree.getRoot());
        }
        throw new IllegalArgumentException(
                "not a forest of trees: " + model.getClass().getName());
    }

    /** The trees of the model: its members, or one for a single tree. */
    public static int trees(Model<Regressor> model) {
        return model instanceof EnsembleModel<Regressor> ensemble ? ensemble.getNumModels() : 1;
    }
}
