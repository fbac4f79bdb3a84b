package io.github.sparselr.knime.node.logregpath;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Logistic Regression Path node, registered in plugin.xml. */
public final class LogRegPathNodeFactory extends NodeFactory<LogRegPathNodeModel> {

    @Override
    public LogRegPathNodeModel createNodeModel() {
        return new LogRegPathNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<LogRegPathNodeModel> createNodeView(final int viewIndex, final LogRegPathNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The Logistic Regression Path node has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LogRegPathNodeDialog();
    }
}
