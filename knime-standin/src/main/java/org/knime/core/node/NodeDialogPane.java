package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME 5.1's {@code NodeDialogPane}: a tabbed Swing panel that edits node settings. */
public abstract class NodeDialogPane {

    private final JPanel m_panel = new JPanel(new BorderLayout());

    private final JTabbedPane m_tabs = new JTabbedPane();

    protected NodeDialogPane() {
        m_panel.add(m_tabs, BorderLayout.CENTER);
    }

    public final JPanel getPanel() {
        return m_panel;
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tableSpecs = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            tableSpecs[i] = specs[i] instanceof DataTableSpec ? (DataTableSpec) specs[i] : null;
        }
        loadSettingsFrom(settings, tableSpecs);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    protected abstract void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException;

    protected final void addTab(final String title, final Component comp) {
        m_tabs.addTab(title, comp);
    }
}
