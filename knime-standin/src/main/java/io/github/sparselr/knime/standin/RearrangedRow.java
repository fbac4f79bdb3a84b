package io.github.sparselr.knime.standin;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/**
 * A row of a table made by {@code ExecutionContext#createColumnRearrangeTable}: a view of a row of the
 * reference table and the row of new cells, copying neither (as KNIME's {@code RearrangeColumnsTable}
 * references its input table and stores only the new columns). Not part of KNIME's API.
 */
public final class RearrangedRow implements DataRow {

    private final DataRow m_reference;

    private final DataRow m_appended;

    /** For each column: true if it is the reference row's, false if the appended row's. */
    private final boolean[] m_isFromReference;

    /** For each column: its index in the reference row or in the appended row. */
    private final int[] m_index;

    public RearrangedRow(final DataRow reference, final DataRow appended, final boolean[] isFromReference,
        final int[] index) {
        m_reference = reference;
        m_appended = appended;
        m_isFromReference = isFromReference;
        m_index = index;
    }

    @Override
    public int getNumCells() {
        return m_index.length;
    }

    @Override
    public RowKey getKey() {
        return m_reference.getKey();
    }

    @Override
    public DataCell getCell(final int index) {
        return m_isFromReference[index] ? m_reference.getCell(m_index[index]) : m_appended.getCell(m_index[index]);
    }

    @Override
    public Iterator<DataCell> iterator() {
        return new Iterator<>() {
            private int m_next;

            @Override
            public boolean hasNext() {
                return m_next < getNumCells();
            }

            @Override
            public DataCell next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return getCell(m_next++);
            }
        };
    }

    /** As {@code DefaultRow}'s: the same key and equal cells. */
    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataRow)) {
            return false;
        }
        final DataRow other = (DataRow) obj;
        if (!getKey().equals(other.getKey()) || other.getNumCells() != getNumCells()) {
            return false;
        }
        for (int i = 0; i < getNumCells(); i++) {
            if (!getCell(i).equals(other.getCell(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return getKey().hashCode();
    }

    @Override
    public String toString() {
        final DataCell[] cells = new DataCell[getNumCells()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = getCell(i);
        }
        return getKey() + ": " + Arrays.toString(cells);
    }
}
