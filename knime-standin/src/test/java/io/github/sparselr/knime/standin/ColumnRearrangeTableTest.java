package io.github.sparselr.knime.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;

/**
 * {@code ExecutionContext#createColumnRearrangeTable} makes the table KNIME 5.1's
 * {@code RearrangeColumnsTable#create} makes (sequential processing).
 */
class ColumnRearrangeTableTest {

    private static final DataTableSpec SPEC = new DataTableSpec(new String[] {"a", "label", "b"},
        new DataType[] {DoubleCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});

    private static BufferedDataTable threeRows() {
        return HeadlessNode.table(SPEC, List.of(
            new DefaultRow("r0", new DoubleCell(1.5), new StringCell("x"), new DoubleCell(-0.0)),
            new DefaultRow("r1", new DoubleCell(Double.NaN), new StringCell("y"), new DoubleCell(Double.MIN_VALUE)),
            new DefaultRow("r2", new DoubleCell(-7), new StringCell("x"), new DoubleCell(1e300))));
    }

    private static List<DataRow> rows(final BufferedDataTable table) {
        final List<DataRow> rows = new ArrayList<>();
        table.forEach(rows::add);
        return rows;
    }

    /** Makes twice column a of each row, and counts its calls. */
    private static class Scaled extends AbstractCellFactory {

        final List<Long> rowIndices = new ArrayList<>();

        int afterProcessing;

        Scaled(final String name) {
            super(new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec());
        }

        @Override
        public DataCell[] getCells(final DataRow row, final long rowIndex) {
            rowIndices.add(rowIndex);
            return new DataCell[] {new DoubleCell(2 * ((DoubleCell) row.getCell(0)).getDoubleValue())};
        }

        @Override
        public void afterProcessing() {
            afterProcessing++;
        }
    }

    @Test
    void aRearrangeTableReplacesAndAppendsColumnsKeepingTheOthers() throws CanceledExecutionException {
        final BufferedDataTable in = threeRows();
        final ExecutionContext exec = HeadlessNode.executionContext(new ProgressRecorder());
        final Scaled replacing = new Scaled("b");
        final Scaled appending = new Scaled("twice a");
        final ColumnRearranger rearranger = new ColumnRearranger(in.getDataTableSpec());
        rearranger.replace(replacing, 2);
        rearranger.append(appending);
        final BufferedDataTable out = exec.createColumnRearrangeTable(in, rearranger, exec);

        assertThat(out.getDataTableSpec().getColumnNames()).containsExactly("a", "label", "b", "twice a");
        assertThat(out.getDataTableSpec().isCompatibleWith(rearranger.createSpec())).isTrue();
        assertThat(out.size()).isEqualTo(3);
        final List<DataRow> rows = rows(out);
        assertThat(rows.get(0)).isEqualTo(new DefaultRow("r0", new DoubleCell(1.5), new StringCell("x"),
            new DoubleCell(3), new DoubleCell(3)));
        assertThat(rows.get(2).getKey().getString()).isEqualTo("r2");
        assertThat(rows.get(2).getCell(3)).isEqualTo(new DoubleCell(-14));
        assertThat(replacing.rowIndices).containsExactly(0L, 1L, 2L);
        assertThat(replacing.afterProcessing).isEqualTo(1);
        assertThat(appending.afterProcessing).isEqualTo(1);
        // the kept columns keep their specs; the new ones get bounds from their cells (NaN skipped)
        final DataColumnSpec kept = out.getDataTableSpec().getColumnSpec(1);
        assertThat(kept).isEqualTo(in.getDataTableSpec().getColumnSpec(1));
        final DataColumnSpec made = out.getDataTableSpec().getColumnSpec(3);
        assertThat(made.getDomain().getLowerBound()).isEqualTo(new DoubleCell(-14));
        assertThat(made.getDomain().getUpperBound()).isEqualTo(new DoubleCell(3));
        assertThat(RowIterators.open(in)).isZero();
    }

    @Test
    void aFailingCellFactoryStillGetsAfterProcessingAndClosesTheInputIterator() {
        final BufferedDataTable in = threeRows();
        final ExecutionContext exec = HeadlessNode.executionContext(new ProgressRecorder());
        final Scaled failing = new Scaled("a") {
            @Override
            public DataCell[] getCells(final DataRow row, final long rowIndex) {
                if (rowIndex == 1) {
                    throw new IllegalStateException("row 1 fails");
                }
                return super.getCells(row, rowIndex);
            }
        };
        final ColumnRearranger rearranger = new ColumnRearranger(in.getDataTableSpec());
        rearranger.replace(failing, 0);
        assertThatThrownBy(() -> exec.createColumnRearrangeTable(in, rearranger, exec))
            .isInstanceOf(IllegalStateException.class).hasMessage("row 1 fails");
        assertThat(failing.afterProcessing).isEqualTo(1);
        assertThat(RowIterators.open(in)).isZero();
    }
}
