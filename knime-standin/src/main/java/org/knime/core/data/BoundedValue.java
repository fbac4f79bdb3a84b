package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code BoundedValue}: values whose column domain has lower and upper bounds. */
public interface BoundedValue extends DataValue {
}
