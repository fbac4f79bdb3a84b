package io.github.sparselr.knime.node.scaler;

import io.github.sparselr.knime.node.NodeSettingsGroup;
import org.knime.core.data.DoubleValue;
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

    private final NodeSettingsGroup m_group = new NodeSettingsGroup(m_columns, m_withMean, m_withStd);

    SettingsModelColumnFilter2 columns() {
        return m_columns;
    }

    SettingsModelBoolean withMean() {
        return m_withMean;
    }

    SettingsModelBoolean withStd() {
        return m_withStd;
    }

    /** All of these settings, saved, validated and loaded together. */
    NodeSettingsGroup group() {
        return m_group;
    }
}
