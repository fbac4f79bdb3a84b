package io.github.sparselr.knime.node.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Scorer node, registered in plugin.xml. */
public final class ScorerNodeFactory extends NodeFactory<ScorerNodeModel> {

    @Override
    public ScorerNodeModel createNodeModel() {
        return new ScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ScorerNodeModel> createNodeView(final int viewIndex, final ScorerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The Scorer has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new ScorerNodeDialog();
    }
}
