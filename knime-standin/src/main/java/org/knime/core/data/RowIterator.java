package org.knime.core.data;

import java.util.Iterator;

/** Stand-in for KNIME 5.1's {@code RowIterator}. */
public abstract class RowIterator implements Iterator<DataRow> {

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Can't remove row from table.");
    }
}
