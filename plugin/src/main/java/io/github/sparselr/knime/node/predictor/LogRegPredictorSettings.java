package io.github.sparselr.knime.node.predictor;

import io.github.sparselr.knime.node.NodeSettingsGroup;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The predictor's settings: the prediction column's name and whether to append probabilities. */
final class LogRegPredictorSettings {

    static final String KEY_PREDICTION_COLUMN = "prediction_column";
    static final String KEY_APPEND_PROBABILITIES = "append_probabilities";

    private final SettingsModelString m_predictionColumn = new SettingsModelString(KEY_PREDICTION_COLUMN, "");
    private final SettingsModelBoolean m_appendProbabilities = new SettingsModelBoolean(KEY_APPEND_PROBABILITIES, false);

    private final NodeSettingsGroup m_group = new NodeSettingsGroup(m_predictionColumn, m_appendProbabilities);

    SettingsModelString predictionColumn() {
        return m_predictionColumn;
    }

    SettingsModelBoolean appendProbabilities() {
        return m_appendProbabilities;
    }

    /** The configured name, or KNIME's usual "Prediction (target)" when empty. */
    String predictionColumnName(final String target) {
        final String name = m_predictionColumn.getStringValue();
        return name == null || name.isBlank() ? "Prediction (" + target + ")" : name;
    }

    /** All of these settings, saved, validated and loaded together. */
    NodeSettingsGroup group() {
        return m_group;
    }
}
