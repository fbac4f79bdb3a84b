package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;
import javax.swing.BoxLayout;
import javax.swing.JPanel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME 5.1's {@code DefaultNodeSettingsPane}: a dialog made of dialog components. */
public class DefaultNodeSettingsPane extends NodeDialogPane {

    private final List<DialogComponent> m_components = new ArrayList<>();

    private final JPanel m_options = new JPanel();

    public DefaultNodeSettingsPane() {
        m_options.setLayout(new BoxLayout(m_options, BoxLayout.Y_AXIS));
        addTab("Options", m_options);
    }

    public void setDefaultTabTitle(final String tabTitle) {
        // the stand-in has a single tab
    }

    public void createNewGroup(final String title) {
        // groups only change the layout
    }

    public void closeCurrentGroup() {
        // groups only change the layout
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        m_options.add(diaC.getComponentPanel());
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (final DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (final DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        // for subclasses
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        // for subclasses
    }
}
