package io.github.sparselr.knime.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scaler.StandardScalerNodeFactory;
import io.github.sparselr.knime.node.scalerapply.StandardScalerApplyNodeFactory;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.testing.Blobs;
import io.github.sparselr.knime.testing.Tables;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;

/**
 * Every node that reads numbers (through {@link NumericMatrix}) refuses NaN and ±∞ in its input rows,
 * naming the row and the column, as the learner does: a value of 1e400 is Infinity once parsed, and a
 * scaled or predicted Infinity is a silently wrong number.
 */
class NonFiniteValuesTest {

    /** The nodes that read a numeric table, with the port object that comes before the table, if any. */
    static List<Arguments> nodes() throws Exception {
        final BufferedDataTable train = Blobs.table(20, 3);
        final PortObject scaler = HeadlessNode.of(new StandardScalerNodeFactory()).execute(train)[1];
        final PortObject logistic = HeadlessNode.of(new SagaLearnerNodeFactory()).execute(train)[0];
        return List.of(Arguments.of("SAGA Logistic Regression Learner", new SagaLearnerNodeFactory(), null),
            Arguments.of("Standard Scaler", new StandardScalerNodeFactory(), null),
            Arguments.of("Standard Scaler (Apply)", new StandardScalerApplyNodeFactory(), scaler),
            Arguments.of("Logistic Regression Predictor", new LogRegPredictorNodeFactory(), logistic));
    }

    /** Each node with 1e400 (Infinity once parsed), −∞ and NaN. */
    static List<Arguments> nodesAndValues() throws Exception {
        final List<Arguments> cases = new ArrayList<>();
        for (final Arguments node : nodes()) {
            for (final double bad : new double[] {Double.parseDouble("1e400"), Double.NEGATIVE_INFINITY, Double.NaN}) {
                final Object[] a = node.get();
                cases.add(Arguments.of(a[0], a[1], a[2], bad));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} refuses {3}")
    @MethodSource("nodesAndValues")
    void refusesANonFiniteValueNamingItsRowAndColumn(final String node,
        final NodeFactory<? extends NodeModel> factory, final PortObject model, final double bad) throws Exception {
        final BufferedDataTable rows = withValue(Blobs.table(5, 4), 7, 1, bad);
        final HeadlessNode headless = HeadlessNode.of(factory);
        final PortObject[] in = model == null ? new PortObject[] {rows} : new PortObject[] {model, rows};
        assertThatThrownBy(() -> headless.execute(in)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageStartingWith("Column 'f2' holds " + (Double.isNaN(bad) ? "NaN (not a number)" : Double.toString(bad))
                + " in row 'Row7'")
            .hasMessageContaining("finite number");
    }

    @ParameterizedTest(name = "{0} reads the same rows with a finite value")
    @MethodSource("nodes")
    void readsTheSameRowsWhenTheValueIsFinite(final String node, final NodeFactory<? extends NodeModel> factory,
        final PortObject model) throws Exception {
        final BufferedDataTable rows = withValue(Blobs.table(5, 4), 7, 1, 12.5);
        final PortObject[] in = model == null ? new PortObject[] {rows} : new PortObject[] {model, rows};
        assertThat(HeadlessNode.of(factory).execute(in)).isNotEmpty();
    }

    /** A copy of {@code table} with {@code value} in row {@code row}, column {@code column}. */
    private static BufferedDataTable withValue(final BufferedDataTable table, final int row, final int column,
        final double value) {
        final List<DataCell[]> cells = new ArrayList<>();
        for (final DataRow r : table) {
            final DataCell[] copy = new DataCell[r.getNumCells()];
            for (int i = 0; i < copy.length; i++) {
                copy[i] = r.getCell(i);
            }
            cells.add(copy);
        }
        cells.get(row)[column] = new DoubleCell(value);
        return Tables.of(table.getDataTableSpec(), cells.toArray(new DataCell[0][]));
    }
}
