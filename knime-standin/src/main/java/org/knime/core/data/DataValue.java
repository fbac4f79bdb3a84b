package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code DataValue}. */
public interface DataValue {

}
