package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Stand-in for KNIME 5.1's {@code DefaultRow}: a key and a fixed array of cells. */
public class DefaultRow implements DataRow {

    private final RowKey m_key;

    private final DataCell[] m_cells;

    public DefaultRow(final RowKey rowKey, final DataCell... row) {
        if (rowKey == null) {
            throw new NullPointerException("Row key must not be null.");
        }
        m_key = rowKey;
        m_cells = row.clone();
        for (int i = 0; i < m_cells.length; i++) {
            if (m_cells[i] == null) {
                throw new NullPointerException("Cell at index " + i + " of row '" + rowKey + "' is null.");
            }
        }
    }

    public DefaultRow(final String rowId, final DataCell... row) {
        this(new RowKey(rowId), row);
    }

    public DefaultRow(final String rowId, final List<DataCell> row) {
        this(new RowKey(rowId), row.toArray(new DataCell[0]));
    }

    public DefaultRow(final RowKey rowKey, final List<DataCell> row) {
        this(rowKey, row.toArray(new DataCell[0]));
    }

    public DefaultRow(final RowKey rowKey, final double... row) {
        this(rowKey, Arrays.stream(row).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowId, final double... row) {
        this(new RowKey(rowId), row);
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.asList(m_cells).iterator();
    }

    @Override
    public String toString() {
        return m_key + ": " + Arrays.toString(m_cells);
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataRow)) {
            return false;
        }
        final DataRow other = (DataRow) obj;
        if (!m_key.equals(other.getKey()) || other.getNumCells() != m_cells.length) {
            return false;
        }
        for (int i = 0; i < m_cells.length; i++) {
            if (!m_cells[i].equals(other.getCell(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return m_key.hashCode();
    }
}
