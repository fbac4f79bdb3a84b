package org.knime.core.node;

import io.github.sparselr.knime.standin.NodeDescriptionReader;
import java.net.URL;

/**
 * Stand-in for KNIME 5.1's {@code NodeFactory}: creates a node's model, views and dialog, and reads
 * the node description {@code <FactorySimpleName>.xml} beside the factory class, as KNIME does.
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** The kind of node, as the description's {@code type} attribute names it. */
    public static enum NodeType {
        Source, Sink, Learner, Predictor, Manipulator, Visualizer, Other, Unknown
    }

    private NodeDescriptionReader m_description;

    protected NodeFactory() {
        this(false);
    }

    protected NodeFactory(final boolean lazyInitialization) {
        if (!lazyInitialization) {
            init();
        }
    }

    public synchronized void init() {
        if (m_description == null) {
            m_description = NodeDescriptionReader.read(getClass());
        }
    }

    public final String getNodeName() {
        init();
        return m_description.name();
    }

    public String getInportName(final int index) {
        init();
        return m_description.inPortName(index);
    }

    public String getOutportName(final int index) {
        init();
        return m_description.outPortName(index);
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();

    public URL getIcon() {
        init();
        return m_description.icon();
    }

    public NodeType getType() {
        init();
        try {
            return NodeType.valueOf(m_description.type());
        } catch (IllegalArgumentException e) {
            return NodeType.Unknown;
        }
    }
}
