package io.github.sparselr.knime.standin;

import org.knime.core.node.BufferedDataTable;

/** What the harness knows about a table's row iterators. Not part of KNIME's API. */
public final class RowIterators {

    private RowIterators() {
    }

    /**
     * The table's iterators that were neither closed nor run to the end: a node that stops reading early
     * (an error, a cancel) must close its {@code CloseableRowIterator}, or KNIME keeps the table's file open.
     */
    public static int open(final BufferedDataTable table) {
        return ((java.util.concurrent.atomic.AtomicInteger) StandinInternals.read(BufferedDataTable.class,
            "m_openIterators", table)).get();
    }
}
