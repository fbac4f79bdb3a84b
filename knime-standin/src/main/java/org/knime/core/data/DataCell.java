package org.knime.core.data;

import java.io.Serializable;

/** Stand-in for KNIME 5.1's {@code DataCell}: an immutable table value. */
public abstract class DataCell implements DataValue, Serializable {

    private static final long serialVersionUID = 1L;

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof DataCell) || o.getClass() != getClass()) {
            return false;
        }
        return equalsDataCell((DataCell) o);
    }

    protected abstract boolean equalsDataCell(final DataCell dc);

    @Override
    public abstract int hashCode();
}
