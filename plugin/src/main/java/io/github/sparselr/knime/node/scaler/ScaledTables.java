package io.github.sparselr.knime.node.scaler;

import io.github.sparselr.knime.table.NumericMatrix;
import io.github.sparselr.preprocessing.ScalerModel;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Makes a table whose scaled columns hold standardized doubles, in place, with every other column and
 * the row keys unchanged: a {@link ColumnRearranger} replaces the scaled columns, as KNIME's own
 * column converters do (e.g. {@code org.knime.base.node.preproc.caseconvert.CaseConvertNodeModel},
 * {@code colre.replace(converterFac, indices)}), so the other columns are not copied. Shared by Standard
 * Scaler and Standard Scaler (Apply).
 */
public final class ScaledTables {

    private static final int ROWS_BETWEEN_PROGRESS = 1024;

    private ScaledTables() {
    }

    /** The input spec with the scaled columns retyped to double (their old domains no longer hold). */
    public static DataTableSpec outputSpec(final DataTableSpec in, final List<String> scaledColumns) {
        return rearranger(in, scaledColumns, null).createSpec();
    }

    /** Standardizes {@code model}'s columns of {@code table}. */
    public static BufferedDataTable transform(final BufferedDataTable table, final ScalerModel model,
        final ExecutionContext exec) throws InvalidSettingsException, CanceledExecutionException {
        final List<String> columns = model.columnNames();
        final NumericMatrix matrix = NumericMatrix.read(table, columns, exec.createSubProgress(0.4));
        model.transformInPlace(matrix.values(), matrix.rows());
        return write(table, matrix, exec.createSubExecutionContext(0.6));
    }

    /** Writes {@code matrix} (the scaled values of its columns, one row per table row) over its columns. */
    static BufferedDataTable write(final BufferedDataTable table, final NumericMatrix matrix,
        final ExecutionContext exec) throws CanceledExecutionException {
        return exec.createColumnRearrangeTable(table,
            rearranger(table.getDataTableSpec(), matrix.columns(), matrix), exec);
    }

    /** Replaces {@code columns} of {@code in} by doubles: {@code matrix}'s values (none at configure time). */
    private static ColumnRearranger rearranger(final DataTableSpec in, final List<String> columns,
        final NumericMatrix matrix) {
        final DataColumnSpec[] specs = new DataColumnSpec[columns.size()];
        final int[] indices = new int[columns.size()];
        for (int j = 0; j < specs.length; j++) {
            specs[j] = new DataColumnSpecCreator(columns.get(j), DoubleCell.TYPE).createSpec();
            indices[j] = in.findColumnIndex(columns.get(j));
        }
        final ColumnRearranger rearranger = new ColumnRearranger(in);
        rearranger.replace(new ScaledCells(specs, matrix), indices);
        return rearranger;
    }

    /** The scaled cells of row {@code rowIndex}: that row of the matrix. */
    private static final class ScaledCells extends AbstractCellFactory {

        private final NumericMatrix m_matrix;

        ScaledCells(final DataColumnSpec[] specs, final NumericMatrix matrix) {
            super(specs);
            m_matrix = matrix;
        }

        @Override
        public DataCell[] getCells(final DataRow row, final long rowIndex) {
            final int cols = m_matrix.columns().size();
            final double[] values = m_matrix.values();
            final int offset = Math.toIntExact(rowIndex * cols);
            final DataCell[] cells = new DataCell[cols];
            for (int j = 0; j < cols; j++) {
                cells[j] = new DoubleCell(values[offset + j]);
            }
            return cells;
        }

        @Override
        public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
            final ExecutionMonitor exec) {
            if (curRowNr % ROWS_BETWEEN_PROGRESS == 1 || curRowNr == rowCount) {
                exec.setProgress((double) curRowNr / rowCount);
            }
        }
    }
}
