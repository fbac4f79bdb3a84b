package io.github.sparselr.knime.node.openmlreader;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the OpenML Reader node, registered in plugin.xml. */
public final class OpenMlReaderNodeFactory extends NodeFactory<OpenMlReaderNodeModel> {

    @Override
    public OpenMlReaderNodeModel createNodeModel() {
        return new OpenMlReaderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<OpenMlReaderNodeModel> createNodeView(final int viewIndex, final OpenMlReaderNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The OpenML Reader has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new OpenMlReaderNodeDialog();
    }
}
