package org.knime.core.node;

import java.awt.Component;

/** Stand-in for KNIME 5.1's {@code NodeView}: a Swing view of a node model. */
public abstract class NodeView<T extends NodeModel> extends AbstractNodeView<T> {

    private Component m_component;

    protected NodeView(final T nodeModel) {
        super(nodeModel);
    }

    protected T getNodeModel() {
        return getViewableModel();
    }

    protected final void setComponent(final Component comp) {
        m_component = comp;
    }

    protected final Component getComponent() {
        return m_component;
    }

    protected abstract void onClose();

    protected abstract void onOpen();
}
