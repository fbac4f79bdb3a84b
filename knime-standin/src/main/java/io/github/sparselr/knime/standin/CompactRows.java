package io.github.sparselr.knime.standin;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DoubleCell;

/**
 * How the stand-in's tables hold their rows: the values of the double columns unboxed, in one
 * {@code double[]} per row, and every other cell as it came. A stored row hands out a new
 * {@link DoubleCell} for a double column's value each time it is asked, equal to the cell it was given.
 * KNIME's own tables store no Java objects per cell either (its columnar backend and its buffer files
 * write a double as 8 bytes). Not part of KNIME's API.
 */
public final class CompactRows {

    /** For each column: its index in a row's doubles (&ge; 0), or -1 - its index in a row's other cells. */
    private final int[] m_slots;

    private final int m_doubleCount;

    private final int m_otherCount;

    /** A layout for rows of {@code spec}: the columns of type {@link DoubleCell#TYPE} are stored unboxed. */
    public CompactRows(final DataTableSpec spec) {
        m_slots = new int[spec.getNumColumns()];
        int doubles = 0;
        int others = 0;
        for (int i = 0; i < m_slots.length; i++) {
            m_slots[i] = spec.getColumnSpec(i).getType().equals(DoubleCell.TYPE) ? doubles++ : -1 - others++;
        }
        m_doubleCount = doubles;
        m_otherCount = others;
    }

    /**
     * The row to store for {@code row}, which has as many cells as the spec has columns: a compact row
     * when each of its double columns holds a {@link DoubleCell} (not a missing cell), else the row itself.
     */
    public DataRow store(final DataRow row) {
        if (m_doubleCount == 0 || row instanceof Compact && ((Compact) row).m_layout == this) {
            return row;
        }
        final double[] doubles = new double[m_doubleCount];
        final DataCell[] others = new DataCell[m_otherCount];
        for (int i = 0; i < m_slots.length; i++) {
            final DataCell cell = row.getCell(i);
            final int slot = m_slots[i];
            if (slot >= 0) {
                if (cell.getClass() != DoubleCell.class) {
                    return row;
                }
                doubles[slot] = ((DoubleCell) cell).getDoubleValue();
            } else {
                others[-1 - slot] = cell;
            }
        }
        return new Compact(this, row.getKey(), doubles, others);
    }

    /** The index of column {@code column}'s value in a stored row's doubles, or -1 if it is not stored unboxed. */
    public int doubleSlot(final int column) {
        return Math.max(-1, m_slots[column]);
    }

    /** The unboxed values of a row this layout stored (not to be changed), or null for a row it kept as it came. */
    public double[] doublesOf(final DataRow row) {
        return row instanceof Compact && ((Compact) row).m_layout == this ? ((Compact) row).m_doubles : null;
    }

    /** A stored row: a key, the double columns' values and the other cells. */
    private static final class Compact extends IndexedRow {

        private final CompactRows m_layout;

        private final RowKey m_key;

        private final double[] m_doubles;

        private final DataCell[] m_others;

        Compact(final CompactRows layout, final RowKey key, final double[] doubles, final DataCell[] others) {
            m_layout = layout;
            m_key = key;
            m_doubles = doubles;
            m_others = others;
        }

        @Override
        public int getNumCells() {
            return m_layout.m_slots.length;
        }

        @Override
        public RowKey getKey() {
            return m_key;
        }

        @Override
        public DataCell getCell(final int index) {
            final int slot = m_layout.m_slots[index];
            return slot >= 0 ? new DoubleCell(m_doubles[slot]) : m_others[-1 - slot];
        }
    }
}
