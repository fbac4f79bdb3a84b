package io.github.sparselr.knime.node.logregpath;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** The path node with another engine, for tests. */
final class EngineFactory extends NodeFactory<LogRegPathNodeModel> {

    private final PathEngine m_engine;

    EngineFactory(final PathEngine engine) {
        m_engine = engine;
    }

    @Override
    public LogRegPathNodeModel createNodeModel() {
        return new LogRegPathNodeModel(m_engine);
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<LogRegPathNodeModel> createNodeView(final int viewIndex, final LogRegPathNodeModel nodeModel) {
        throw new IndexOutOfBoundsException();
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
