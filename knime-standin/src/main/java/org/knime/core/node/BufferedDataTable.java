package org.knime.core.node;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JComponent;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Stand-in for KNIME 5.1's {@code BufferedDataTable}: an immutable, in-memory table. */
public final class BufferedDataTable implements DataTable, PortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    private BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = List.copyOf(rows);
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return "Rows: " + m_rows.size() + ", Cols: " + m_spec.getNumColumns();
    }

    /**
     * Iterators handed out and neither closed nor run to the end: in KNIME such an iterator keeps its
     * table's file open until it is closed ({@code CloseableRowIterator}), so the harness counts them.
     */
    private final AtomicInteger m_openIterators = new AtomicInteger();

    @Override
    public CloseableRowIterator iterator() {
        final Iterator<DataRow> it = m_rows.iterator();
        m_openIterators.incrementAndGet();
        return new CloseableRowIterator() {
            private boolean m_open = true;

            @Override
            public boolean hasNext() {
                final boolean hasNext = m_open && it.hasNext();
                if (!hasNext) {
                    close();
                }
                return hasNext;
            }

            @Override
            public DataRow next() {
                if (!m_open) {
                    throw new java.util.NoSuchElementException("The iterator is closed.");
                }
                return it.next();
            }

            @Override
            public void close() {
                if (m_open) {
                    m_open = false;
                    m_openIterators.decrementAndGet();
                }
            }
        };
    }

    @Deprecated
    public int getRowCount() {
        return m_rows.size();
    }

    public long size() {
        return m_rows.size();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
