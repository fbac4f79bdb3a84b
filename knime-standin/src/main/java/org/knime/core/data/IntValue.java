package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code IntValue}. */
public interface IntValue extends DataValue {
    int getIntValue();
}
