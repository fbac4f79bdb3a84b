package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/** Stand-in for KNIME 5.1's {@code CellFactory}: makes the new cells of a row for a {@link ColumnRearranger}. */
public interface CellFactory {

    default DataCell[] getCells(final DataRow row) {
        throw new UnsupportedOperationException(
            "No implementation for either of the CellFactory#getCells method provided.");
    }

    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    DataColumnSpec[] getColumnSpecs();

    default void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        exec.setProgress(curRowNr / (double) rowCount);
    }
}
