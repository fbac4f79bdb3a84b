package io.github.sparselr.knime.node.scaler;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Standard Scaler node, registered in plugin.xml. */
public final class StandardScalerNodeFactory extends NodeFactory<StandardScalerNodeModel> {

    @Override
    public StandardScalerNodeModel createNodeModel() {
        return new StandardScalerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<StandardScalerNodeModel> createNodeView(final int viewIndex,
        final StandardScalerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The Standard Scaler has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new StandardScalerNodeDialog();
    }
}
