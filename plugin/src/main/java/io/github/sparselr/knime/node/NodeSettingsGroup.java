package io.github.sparselr.knime.node;

import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * A node's settings models, saved, validated and loaded together. A node's settings class owns one
 * and adds checks that span several settings by overriding {@link #validateSettings}.
 */
public class NodeSettingsGroup {

    private final List<SettingsModel> m_models;

    public NodeSettingsGroup(final SettingsModel... models) {
        m_models = List.of(models);
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        for (final SettingsModel m : m_models) {
            m.saveSettingsTo(settings);
        }
    }

    /** Checks every model's value without loading it. */
    public void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : m_models) {
            m.validateSettings(settings);
        }
    }

    public final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : m_models) {
            m.loadSettingsFrom(settings);
        }
    }
}
