package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Stand-in for KNIME 5.1's {@code SettingsModelIntegerBounded}: a number within [min, max]. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {

    private final int m_minValue;

    private final int m_maxValue;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue,
        final int maxValue) {
        super(configName, defaultValue);
        if (minValue > maxValue) {
            throw new IllegalArgumentException("Specified min value must be smaller than the max value.");
        }
        m_minValue = minValue;
        m_maxValue = maxValue;
        if (defaultValue < minValue || defaultValue > maxValue) {
            throw new IllegalArgumentException("InitialValue:" + defaultValue + " out of specified range ["
                + minValue + ", " + maxValue + "]");
        }
    }

    @Override
    protected SettingsModelIntegerBounded createClone() {
        return new SettingsModelIntegerBounded(getConfigName(), getIntValue(), m_minValue, m_maxValue);
    }

    public int getLowerBound() {
        return m_minValue;
    }

    public int getUpperBound() {
        return m_maxValue;
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        if (value < m_minValue || value > m_maxValue) {
            throw new InvalidSettingsException("The value of '" + getConfigName() + "' must be in ["
                + m_minValue + ", " + m_maxValue + "], but was " + value + ".");
        }
    }

    @Override
    public void setIntValue(final int newValue) {
        if (newValue < m_minValue || newValue > m_maxValue) {
            throw new IllegalArgumentException("value (=" + newValue + ") must be within the range ["
                + m_minValue + "..." + m_maxValue + "].");
        }
        super.setIntValue(newValue);
    }
}
