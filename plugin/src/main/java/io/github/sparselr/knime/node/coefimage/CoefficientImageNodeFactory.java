package io.github.sparselr.knime.node.coefimage;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Coefficient Image Viewer node, registered in plugin.xml. */
public final class CoefficientImageNodeFactory extends NodeFactory<CoefficientImageNodeModel> {

    @Override
    public CoefficientImageNodeModel createNodeModel() {
        return new CoefficientImageNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<CoefficientImageNodeModel> createNodeView(final int viewIndex,
        final CoefficientImageNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The Coefficient Image Viewer has one view, not " + (viewIndex + 1) + ".");
        }
        return new CoefficientImageNodeView(nodeModel);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new CoefficientImageNodeDialog();
    }
}
