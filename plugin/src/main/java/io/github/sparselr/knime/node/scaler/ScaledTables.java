package io.github.sparselr.knime.node.scaler;

import io.github.sparselr.knime.table.NumericMatrix;
import io.github.sparselr.preprocessing.ScalerModel;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;

/**
 * Writes a table whose scaled columns hold standardized doubles, in place, with every other column
 * and the row keys unchanged. Shared by Standard Scaler and Standard Scaler (Apply).
 */
public final class ScaledTables {

    private ScaledTables() {
    }

    /** The input spec with the scaled columns retyped to double (their old domains no longer hold). */
    public static DataTableSpec outputSpec(final DataTableSpec in, final List<String> scaledColumns) {
        final DataColumnSpec[] columns = new DataColumnSpec[in.getNumColumns()];
        for (int i = 0; i < columns.length; i++) {
            final DataColumnSpec column = in.getColumnSpec(i);
            columns[i] = scaledColumns.contains(column.getName())
                ? new DataColumnSpecCreator(column.getName(), DoubleCell.TYPE).createSpec() : column;
        }
        return new DataTableSpec(in.getName(), columns);
    }

    /** Standardizes {@code model}'s columns of {@code table}. */
    public static BufferedDataTable transform(final BufferedDataTable table, final ScalerModel model,
        final ExecutionContext exec) throws InvalidSettingsException, CanceledExecutionException {
        final List<String> columns = model.columnNames();
        final NumericMatrix matrix = NumericMatrix.read(table, columns, exec.createSubProgress(0.4));
        model.transformInPlace(matrix.values(), matrix.rows());
        return write(table, matrix, exec.createSubExecutionContext(0.6));
    }

    /** Writes {@code matrix} (the scaled values of its columns) into a copy of {@code table}. */
    static BufferedDataTable write(final BufferedDataTable table, final NumericMatrix matrix,
        final ExecutionContext exec) throws CanceledExecutionException {
        final DataTableSpec inSpec = table.getDataTableSpec();
        final List<String> columns = matrix.columns();
        final int[] scaledIndex = new int[inSpec.getNumColumns()];
        for (int i = 0; i < scaledIndex.length; i++) {
            scaledIndex[i] = columns.indexOf(inSpec.getColumnSpec(i).getName());
        }
        final BufferedDataContainer out = exec.createDataContainer(outputSpec(inSpec, columns));
        final double[] values = matrix.values();
        final int cols = columns.size();
        final long size = table.size();
        int row = 0;
        // closed when a cancel stops the loop early (KNIME's CloseableRowIterator)
        try (CloseableRowIterator rows = table.iterator()) {
            while (rows.hasNext()) {
                final DataRow r = rows.next();
                if (row % 1024 == 0) {
                    exec.checkCanceled();
                    exec.setProgress((double) row / Math.max(1, size));
                }
                final DataCell[] cells = new DataCell[scaledIndex.length];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = scaledIndex[i] < 0 ? r.getCell(i) : new DoubleCell(values[row * cols + scaledIndex[i]]);
                }
                out.addRowToTable(new DefaultRow(r.getKey(), cells));
                row++;
            }
        }
        out.close();
        return out.getTable();
    }
}
