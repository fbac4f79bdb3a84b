package io.github.sparselr.knime.node.scorer;

import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The scorer's settings: which columns to compare, and the optional quality gate. */
final class ScorerSettings {

    static final String KEY_ACTUAL = "actual_column";
    static final String KEY_PREDICTED = "predicted_column";
    static final String KEY_FAIL_BELOW = "fail_below_accuracy";
    static final String KEY_MIN_ACCURACY = "min_accuracy";

    private final SettingsModelString m_actual = new SettingsModelString(KEY_ACTUAL, "");
    private final SettingsModelString m_predicted = new SettingsModelString(KEY_PREDICTED, "");
    private final SettingsModelBoolean m_failBelow = new SettingsModelBoolean(KEY_FAIL_BELOW, false);
    private final SettingsModelDoubleBounded m_minAccuracy = new SettingsModelDoubleBounded(KEY_MIN_ACCURACY, 0.8, 0, 1);

    private List<SettingsModel> all() {
        return List.of(m_actual, m_predicted, m_failBelow, m_minAccuracy);
    }

    SettingsModelString actual() {
        return m_actual;
    }

    SettingsModelString predicted() {
        return m_predicted;
    }

    SettingsModelBoolean failBelow() {
        return m_failBelow;
    }

    SettingsModelDoubleBounded minAccuracy() {
        return m_minAccuracy;
    }

    void saveSettingsTo(final NodeSettingsWO settings) {
        for (final SettingsModel m : all()) {
            m.saveSettingsTo(settings);
        }
    }

    void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : all()) {
            m.validateSettings(settings);
        }
    }

    void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        for (final SettingsModel m : all()) {
            m.loadSettingsFrom(settings);
        }
    }
}
