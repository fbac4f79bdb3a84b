package io.github.sparselr.knime.standin;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/**
 * A row of a table made by {@code ExecutionContext#createColumnRearrangeTable}: a view of a row of the
 * reference table and the row of new cells, copying neither (as KNIME's {@code RearrangeColumnsTable}
 * references its input table and stores only the new columns). Not part of KNIME's API.
 */
public final class RearrangedRow extends IndexedRow {

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
}
