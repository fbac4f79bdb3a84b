package org.knime.core.node.port;

import javax.swing.JComponent;

/** Stand-in for KNIME 5.1's {@code PortObjectSpec}. */
public interface PortObjectSpec {

    public JComponent[] getViews();
}
