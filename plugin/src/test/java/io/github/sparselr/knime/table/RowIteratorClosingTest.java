package io.github.sparselr.knime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scaler.StandardScalerNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.RowIterators;
import io.github.sparselr.knime.testing.Blobs;
import io.github.sparselr.knime.testing.Tables;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;

/**
 * A node that stops reading a table early (a bad row, a cancel) closes its row iterator, as KNIME's
 * {@code CloseableRowIterator} asks; otherwise KNIME keeps the table's file open.
 */
class RowIteratorClosingTest {

    private static BufferedDataTable withMissingValueInRow1() {
        return Tables.of(Blobs.SPEC,
            new DataCell[] {new DoubleCell(1), new DoubleCell(2), new DoubleCell(3), new DoubleCell(4),
                new StringCell("a")},
            new DataCell[] {new DoubleCell(1), DataType.getMissingCell(), new DoubleCell(3), new DoubleCell(4),
                new StringCell("b")},
            new DataCell[] {new DoubleCell(5), new DoubleCell(6), new DoubleCell(7), new DoubleCell(8),
                new StringCell("a")});
    }

    @Test
    void aMissingNumberStopsTheScalerWithItsIteratorClosed() {
        final BufferedDataTable table = withMissingValueInRow1();
        assertThatThrownBy(() -> HeadlessNode.of(new StandardScalerNodeFactory()).execute(table))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("row 'Row1'");
        assertThat(RowIterators.open(table)).isZero();
    }

    @Test
    void aMissingClassStopsTheScorerWithItsIteratorClosed() {
        final DataTableSpec spec = new DataTableSpec(new String[] {"class", "Prediction (class)"},
            new DataType[] {StringCell.TYPE, StringCell.TYPE});
        final BufferedDataTable table = Tables.of(spec,
            new DataCell[] {new StringCell("a"), new StringCell("a")},
            new DataCell[] {DataType.getMissingCell(), new StringCell("b")},
            new DataCell[] {new StringCell("b"), new StringCell("b")});
        assertThatThrownBy(() -> HeadlessNode.of(new ScorerNodeFactory()).execute(table))
            .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("row 'Row1'");
        assertThat(RowIterators.open(table)).isZero();
    }

    @Test
    void aCancelWhileThePredictorWritesRowsLeavesItsIteratorClosed() throws Exception {
        final PortObject model = HeadlessNode.of(new SagaLearnerNodeFactory()).execute(Blobs.table(20, 1))[0];
        final BufferedDataTable table = Blobs.table(400, 2); // 1200 rows: the loop checks for cancel every 1024
        final HeadlessNode predictor = HeadlessNode.of(new LogRegPredictorNodeFactory());
        // the predictor reads the features up to 40 % of its progress, then writes rows: cancel there
        predictor.progress().onReport(report -> {
            if (report.fraction() >= 0.4) {
                predictor.cancel();
            }
        });
        assertThatThrownBy(() -> predictor.execute(model, table)).isInstanceOf(CanceledExecutionException.class);
        assertThat(RowIterators.open(table)).isZero();
    }
}
