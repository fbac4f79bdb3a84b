package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code StringValue}. */
public interface StringValue extends DataValue {
    String getStringValue();
}
