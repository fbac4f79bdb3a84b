package org.knime.core.data.container;

import java.io.Closeable;
import org.knime.core.data.RowIterator;

/** Stand-in for KNIME 5.1's {@code CloseableRowIterator}. */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {

    @Override
    public abstract void close();
}
