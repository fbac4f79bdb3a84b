package io.github.sparselr.knime.table;

import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * The one place where KNIME table columns become the engine's dense row-major matrix. Nodes check
 * the columns at configure time ({@link #checkColumns}) and read them at execute time ({@link #read}).
 * Every value read is finite: a missing cell, NaN or ±∞ stops the read with its row key and column
 * named, for every node alike (the learner, the scalers and the predictor).
 */
public final class NumericMatrix {

    private static final int ROWS_BETWEEN_CANCEL_CHECKS = 1024;

    private final double[] m_values;

    private final int m_rows;

    private final List<String> m_columns;

    private NumericMatrix(final double[] values, final int rows, final List<String> columns) {
        m_values = values;
        m_rows = rows;
        m_columns = List.copyOf(columns);
    }

    /**
     * Checks that every named column exists and is numeric.
     *
     * @param role how the error message names the columns, e.g. "selected" or "scaled by the model"
     */
    public static void checkColumns(final DataTableSpec spec, final List<String> columns, final String role)
        throws InvalidSettingsException {
        for (final String name : columns) {
            final DataColumnSpec column = spec.getColumnSpec(name);
            if (column == null) {
                throw new InvalidSettingsException("Column '" + name + "' is " + role
                    + " but the input table has no such column; reconfigure the node or restore the column.");
            }
            if (!column.getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException("Column '" + name + "' is " + role + " but holds "
                    + column.getType() + " values, not numbers; exclude it or convert it to a number column.");
            }
        }
    }

    /**
     * Reads the named numeric columns of a table, row by row.
     *
     * @throws InvalidSettingsException if a column is missing or not numeric, or a cell is missing, NaN or
     *     infinite
     */
    public static NumericMatrix read(final BufferedDataTable table, final List<String> columns,
        final ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        final DataTableSpec spec = table.getDataTableSpec();
        checkColumns(spec, columns, "selected");
        final long size = table.size();
        final int cols = columns.size();
        if (size * cols > Integer.MAX_VALUE - 8) {
            throw new InvalidSettingsException("The table has " + size + " rows of " + cols
                + " columns, more values than one Java array holds; use fewer rows or columns.");
        }
        final int[] indices = columns.stream().mapToInt(spec::findColumnIndex).toArray();
        final double[] values = new double[(int) size * cols];
        int row = 0;
        // closed when a missing or non-finite value or a cancel stops the loop early (CloseableRowIterator)
        try (CloseableRowIterator rows = table.iterator()) {
            while (rows.hasNext()) {
                final DataRow r = rows.next();
                if (row % ROWS_BETWEEN_CANCEL_CHECKS == 0) {
                    exec.checkCanceled();
                    exec.setProgress((double) row / Math.max(1, size));
                }
                for (int j = 0; j < cols; j++) {
                    final DataCell cell = r.getCell(indices[j]);
                    if (cell.isMissing()) {
                        throw new InvalidSettingsException("Column '" + columns.get(j) + "' contains a missing value "
                            + "in row '" + r.getKey() + "'; remove or impute missing values before this node.");
                    }
                    final double value = ((DoubleValue) cell).getDoubleValue();
                    if (!Double.isFinite(value)) {
                        throw new InvalidSettingsException("Column '" + columns.get(j) + "' holds "
                            + (Double.isNaN(value) ? "NaN (not a number)" : value) + " in row '" + r.getKey()
                            + "'; every value must be a finite number: replace or remove such values before this "
                            + "node.");
                    }
                    values[row * cols + j] = value;
                }
                row++;
            }
        }
        return new NumericMatrix(values, row, columns);
    }

    /** Row-major values; the caller owns the array. */
    public double[] values() {
        return m_values;
    }

    public int rows() {
        return m_rows;
    }

    public List<String> columns() {
        return m_columns;
    }
}
