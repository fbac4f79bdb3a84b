package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code LongValue}. */
public interface LongValue extends DataValue {
    long getLongValue();
}
