package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Stand-in for KNIME 5.1's {@code SettingsModelDoubleBounded}: a number within [min, max]. */
public class SettingsModelDoubleBounded extends SettingsModelDouble {

    private final double m_minValue;

    private final double m_maxValue;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double minValue,
        final double maxValue) {
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
    protected SettingsModelDoubleBounded createClone() {
        return new SettingsModelDoubleBounded(getConfigName(), getDoubleValue(), m_minValue, m_maxValue);
    }

    public double getLowerBound() {
        return m_minValue;
    }

    public double getUpperBound() {
        return m_maxValue;
    }

    @Override
    protected void validateValue(final double value) throws InvalidSettingsException {
        if (value < m_minValue || value > m_maxValue) {
            throw new InvalidSettingsException("The value of '" + getConfigName() + "' must be in ["
                + m_minValue + ", " + m_maxValue + "], but was " + value + ".");
        }
    }

    @Override
    public void setDoubleValue(final double newValue) {
        if (newValue < m_minValue || newValue > m_maxValue) {
            throw new IllegalArgumentException("value (=" + newValue + ") must be within the range ["
                + m_minValue + "..." + m_maxValue + "].");
        }
        super.setDoubleValue(newValue);
    }
}
