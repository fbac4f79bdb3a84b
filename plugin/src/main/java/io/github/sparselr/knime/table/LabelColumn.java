package io.github.sparselr.knime.table;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/** Reads a string column as class labels, the one place nodes turn a target column into labels. */
public final class LabelColumn {

    private LabelColumn() {
    }

    /** Checks that the column exists and holds strings. */
    public static void check(final DataTableSpec spec, final String column, final String role)
        throws InvalidSettingsException {
        if (column == null || column.isEmpty()) {
            throw new InvalidSettingsException("No " + role + " column is selected; choose a string column.");
        }
        final DataColumnSpec c = spec.getColumnSpec(column);
        if (c == null) {
            throw new InvalidSettingsException("The " + role + " column '" + column + "' is not in the input table; "
                + "reconfigure the node or restore the column.");
        }
        if (!c.getType().isCompatible(StringValue.class)) {
            throw new InvalidSettingsException("The " + role + " column '" + column + "' holds " + c.getType()
                + " values; it must be a string column (convert numbers to strings first).");
        }
    }

    /** The labels of every row; a missing cell is an error naming its row. */
    public static String[] read(final BufferedDataTable table, final String column, final String role,
        final ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        check(table.getDataTableSpec(), column, role);
        final int index = table.getDataTableSpec().findColumnIndex(column);
        final String[] labels = new String[(int) table.size()];
        int row = 0;
        // closed when a missing value or a cancel stops the loop early (KNIME's CloseableRowIterator)
        try (CloseableRowIterator rows = table.iterator()) {
            while (rows.hasNext()) {
                final DataRow r = rows.next();
                if (row % 4096 == 0) {
                    exec.checkCanceled();
                }
                final DataCell cell = r.getCell(index);
                if (cell.isMissing()) {
                    throw new InvalidSettingsException("The " + role + " column '" + column + "' has a missing value "
                        + "in row '" + r.getKey() + "'; remove such rows first.");
                }
                labels[row++] = ((StringValue) cell).getStringValue();
            }
        }
        return labels;
    }
}
