package io.github.sparselr.knime.standin;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;

/**
 * What the harness's own rows share: iteration, equality and text from {@link #getKey()},
 * {@link #getNumCells()} and {@link #getCell(int)} alone, as KNIME's {@code DefaultRow} has them (equal
 * rows have the same key and equal cells; the hash is the key's).
 */
abstract class IndexedRow implements DataRow {

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
