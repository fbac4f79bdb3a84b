package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code DoubleValue}. */
public interface DoubleValue extends DataValue {
    double getDoubleValue();
}
