package io.github.sparselr.knime.node.scalerapply;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Standard Scaler (Apply) node, registered in plugin.xml. */
public final class StandardScalerApplyNodeFactory extends NodeFactory<StandardScalerApplyNodeModel> {

    @Override
    public StandardScalerApplyNodeModel createNodeModel() {
        return new StandardScalerApplyNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<StandardScalerApplyNodeModel> createNodeView(final int viewIndex,
        final StandardScalerApplyNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("Standard Scaler (Apply) has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
