package io.github.sparselr.knime.node.scaler;

import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;

/**
 * The Standard Scaler's settings, keyed like scikit-learn's parameters: {@code columns} (numeric
 * columns to scale, all by default), {@code with_mean}, {@code with_std}.
 */
final class StandardScalerSettings {

    static final String KEY_COLUMNS = "columns";
    static final String KEY_WITH_MEAN = "with_mean";
    static final String KEY_WITH_STD = "with_std";

    private final SettingsModelColumnFilter2 m_columns = new SettingsModelColumnFilter2(KEY_COLUMNS, DoubleValue.class);
    private final SettingsModelBoolean m_withMean = new SettingsModelBoolean(KEY_WITH_MEAN, true);
    private final SettingsModelBoolean m_withStd = new SettingsModelBoolean(KEY_WITH_STD, true);

    SettingsModelColumnFilter2 columns() {
        return m_columns;
    }

    SettingsModelBoolean withMean() {
        return m_withMean;
    }

    SettingsModelBoolean withStd() {
        return m_withStd;
    }

    void saveSettingsTo(final NodeSettingsWO settings) {
        m_columns.saveSettingsTo(settings);
        m_withMean.saveSettingsTo(settings);
        m_withStd.saveSettingsTo(settings);
    }

    void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_columns.validateSettings(settings);
        m_withMean.validateSettings(settings);
        m_withStd.validateSettings(settings);
    }

    void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_columns.loadSettingsFrom(settings);
        m_withMean.loadSettingsFrom(settings);
        m_withStd.loadSettingsFrom(settings);
    }
}
