package io.github.sparselr.knime.node.predictor;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The predictor's settings: the prediction column's name and whether to append probabilities. */
final class LogRegPredictorSettings {

    static final String KEY_PREDICTION_COLUMN = "prediction_column";
    static final String KEY_APPEND_PROBABILITIES = "append_probabilities";

    private final SettingsModelString m_predictionColumn = new SettingsModelString(KEY_PREDICTION_COLUMN, "");
    private final SettingsModelBoolean m_appendProbabilities = new SettingsModelBoolean(KEY_APPEND_PROBABILITIES, false);

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

    void saveSettingsTo(final NodeSettingsWO settings) {
        m_predictionColumn.saveSettingsTo(settings);
        m_appendProbabilities.saveSettingsTo(settings);
    }

    void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_predictionColumn.validateSettings(settings);
        m_appendProbabilities.validateSettings(settings);
    }

    void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_predictionColumn.loadSettingsFrom(settings);
        m_appendProbabilities.loadSettingsFrom(settings);
    }
}
