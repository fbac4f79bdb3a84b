package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code NominalValue}. */
public interface NominalValue extends DataValue {

}
