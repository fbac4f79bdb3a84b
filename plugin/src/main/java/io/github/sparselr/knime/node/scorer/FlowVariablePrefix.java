package io.github.sparselr.knime.node.scorer;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The prefix of the Scorer's flow variable names, saved under KNIME's Scorer key {@code flowVarPrefix}.
 * As there ({@code AbstractAccuracyScorerNodeModel#loadValidatedSettingsFrom}: {@code getString(FLOW_VAR_PREFIX,
 * null)}), settings written before the option existed lack the key and load as "no prefix" (null).
 */
final class FlowVariablePrefix extends SettingsModelString {

    FlowVariablePrefix(final String configName) {
        super(configName, null);
    }

    @Override
    protected FlowVariablePrefix createClone() {
        final FlowVariablePrefix clone = new FlowVariablePrefix(getConfigName());
        clone.setStringValue(getStringValue());
        return clone;
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final String prefix = settings.getString(getConfigName(), null);
        // KNIME reserves flow variable names that start with "knime" (its global and node-local scopes,
        // FlowVariable.Scope#verifyName), and pushing one would fail only at the end of execute
        if (prefix != null && prefix.startsWith("knime")) {
            throw new InvalidSettingsException("The prefix of flow variables '" + prefix + "' starts with 'knime', "
                + "which KNIME reserves for its own variables; choose another prefix (or none).");
        }
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) {
        setStringValue(settings.getString(getConfigName(), null));
    }

    /** The prefix to put before each variable name; empty when none is set. */
    String prefix() {
        final String value = getStringValue();
        return value == null ? "" : value;
    }
}
