package io.github.sparselr.knime.node.scorer;

import io.github.sparselr.knime.node.NodeSettingsGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The scorer's settings: which columns to compare, its flow variables' prefix, and the optional quality gate. */
final class ScorerSettings {

    static final String KEY_ACTUAL = "actual_column";
    static final String KEY_PREDICTED = "predicted_column";
    static final String KEY_FAIL_BELOW = "fail_below_accuracy";
    static final String KEY_MIN_ACCURACY = "min_accuracy";
    /** KNIME's Scorer's key ({@code AbstractAccuracyScorerNodeModel.FLOW_VAR_PREFIX}). */
    static final String KEY_FLOW_VARIABLE_PREFIX = "flowVarPrefix";

    private final SettingsModelString m_actual = new SettingsModelString(KEY_ACTUAL, "");
    private final SettingsModelString m_predicted = new SettingsModelString(KEY_PREDICTED, "");
    private final SettingsModelBoolean m_failBelow = new SettingsModelBoolean(KEY_FAIL_BELOW, false);
    private final SettingsModelDoubleBounded m_minAccuracy = new SettingsModelDoubleBounded(KEY_MIN_ACCURACY, 0.8, 0, 1);
    private final FlowVariablePrefix m_flowVariablePrefix = new FlowVariablePrefix(KEY_FLOW_VARIABLE_PREFIX);

    private final NodeSettingsGroup m_group =
        new NodeSettingsGroup(m_actual, m_predicted, m_flowVariablePrefix, m_failBelow, m_minAccuracy);

    SettingsModelString actual() {
        return m_actual;
    }

    SettingsModelString predicted() {
        return m_predicted;
    }

    FlowVariablePrefix flowVariablePrefix() {
        return m_flowVariablePrefix;
    }

    SettingsModelBoolean failBelow() {
        return m_failBelow;
    }

    SettingsModelDoubleBounded minAccuracy() {
        return m_minAccuracy;
    }

    /** All of these settings, saved, validated and loaded together. */
    NodeSettingsGroup group() {
        return m_group;
    }
}
