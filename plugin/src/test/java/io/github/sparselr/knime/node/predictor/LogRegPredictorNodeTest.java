package io.github.sparselr.knime.node.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.ConfigurePromise;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.testing.Blobs;
import io.github.sparselr.knime.testing.Tables;
import io.github.sparselr.linear.LogisticModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class LogRegPredictorNodeTest {

    private static LogisticModelPortObject model;

    @BeforeAll
    static void learn() throws Exception {
        model = (LogisticModelPortObject) HeadlessNode.of(new SagaLearnerNodeFactory()).execute(Blobs.table(40, 1))[0];
    }

    @Test
    void appendsThePredictedClassWithTheModelsClassesAsDomainAndProbabilities() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new LogRegPredictorNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addBoolean(LogRegPredictorSettings.KEY_APPEND_PROBABILITIES, true);
        node.loadSettings(settings);
        final BufferedDataTable test = Blobs.table(10, 2);
        final PortObjectSpec[] specs = node.configure(model.getSpec(), test.getSpec());
        final BufferedDataTable out = (BufferedDataTable) ConfigurePromise.execute(node, model, test)[0];

        assertThat(out.getSpec().equalStructure((DataTableSpec) specs[0])).isTrue();
        assertThat(out.getSpec().getColumnNames()).endsWith("Prediction (class)", "P (class=a)", "P (class=b)",
            "P (class=c)");
        assertThat(out.getSpec().getColumnSpec("Prediction (class)").getDomain().getValues())
            .containsExactly(new StringCell("a"), new StringCell("b"), new StringCell("c"));
        final LogisticModel m = model.model();
        int row = 0;
        for (final DataRow r : out) {
            final double[] x = new double[4];
            for (int j = 0; j < 4; j++) {
                x[j] = ((DoubleValue) r.getCell(j)).getDoubleValue();
            }
            assertThat(r.getCell(5).toString()).isEqualTo(m.predict(x, 1)[0]);
            assertThat(((DoubleValue) r.getCell(6)).getDoubleValue()).isEqualTo(m.predictProba(x, 1)[0]);
            row++;
        }
        assertThat(row).isEqualTo(30);
    }

    @Test
    void namesAFeatureTheTableLacksAndAMissingValue() {
        final HeadlessNode node = HeadlessNode.of(new LogRegPredictorNodeFactory());
        final DataTableSpec without = new DataTableSpec(new String[] {"f1", "f2", "f3"},
            new DataType[] {DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE});
        assertThatThrownBy(() -> node.configure(model.getSpec(), without)).hasMessageContaining("Column 'f4'");
        final BufferedDataTable gap = Tables.of(Blobs.SPEC, new DataCell[] {new DoubleCell(1), new DoubleCell(1),
            DataType.getMissingCell(), new DoubleCell(1), new StringCell("a")});
        assertThatThrownBy(() -> node.execute(model, gap)).hasMessageContaining("Column 'f3' contains a missing value "
            + "in row 'Row0'");
    }
    @Test
    void classesThatDifferOnlyInBlanksKeepTheirOwnProbabilityColumns() throws Exception {
        // KNIME trims column names, but "P (class= a)" and "P (class=a)" keep the blank inside
        final List<DataCell[]> rows = new ArrayList<>();
        for (final DataRow r : Blobs.table(20, 3)) {
            final DataCell[] cells = new DataCell[r.getNumCells()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = r.getCell(i);
            }
            cells[4] = r.getCell(4).toString().equals("c") ? new StringCell(" a") : cells[4];
            rows.add(cells);
        }
        final BufferedDataTable train = Tables.of(Blobs.SPEC, rows.toArray(new DataCell[0][]));
        final PortObject blanks = HeadlessNode.of(new SagaLearnerNodeFactory()).execute(train)[0];
        final HeadlessNode node = HeadlessNode.of(new LogRegPredictorNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addBoolean(LogRegPredictorSettings.KEY_APPEND_PROBABILITIES, true);
        node.loadSettings(settings);
        final BufferedDataTable out = (BufferedDataTable) ConfigurePromise.execute(node, blanks, train)[0];
        assertThat(out.getSpec().getColumnNames()).contains("P (class= a)", "P (class=a)", "P (class=b)")
            .doesNotContain("P (class=c)");
        assertThat(out.getSpec().getColumnSpec("Prediction (class)").getDomain().getValues())
            .contains(new StringCell(" a"), new StringCell("a"));
    }
}
