package io.github.sparselr.knime.node.sagalearner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.testing.Blobs;
import io.github.sparselr.knime.testing.Tables;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.linear.path.Convergence;
import io.github.sparselr.linear.path.Objectives;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class SagaLearnerNodeTest {

    private static final BufferedDataTable TABLE = Blobs.table(40, 1);

    @Test
    void fitsWhatTheEngineFitsAndReportsIt() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final PortObjectSpec[] specs = node.configure(TABLE.getSpec());
        final PortObject[] out = node.execute(TABLE);

        final LogisticModel model = ((LogisticModelPortObject) out[0]).model();
        final LogisticModel direct = new SagaSolver(SagaParameters.mnistStudy()).fit(engineData());
        assertThat(model.coef()).containsExactly(direct.coef());
        assertThat(model.intercept()).containsExactly(direct.intercept());
        assertThat(model.nIter()).isEqualTo(direct.nIter());
        assertThat(out[0].getSpec()).isEqualTo(specs[0]);
        assertThat(LogisticModelPortObject.classesOf((DataTableSpec) specs[0])).containsExactly("a", "b", "c");

        final BufferedDataTable coefficients = (BufferedDataTable) out[1];
        assertThat(coefficients.getSpec().getColumnNames()).containsExactly("Class", "f1", "f2", "f3", "f4", "Intercept");
        final List<String> rows = new ArrayList<>();
        for (final DataRow row : coefficients) {
            rows.add(row.getKey() + ":" + ((StringValue) row.getCell(0)).getStringValue() + ":"
                + ((DoubleValue) row.getCell(1)).getDoubleValue());
        }
        assertThat(rows).containsExactly("Class a:a:" + direct.coefRow(0)[0], "Class b:b:" + direct.coefRow(1)[0],
            "Class c:c:" + direct.coefRow(2)[0]);
        final DataRow summary = ((BufferedDataTable) out[2]).iterator().next();
        assertThat(summary.getCell(0).toString()).isEqualTo(Integer.toString(direct.nIter()));
        assertThat(((DoubleValue) summary.getCell(2)).getDoubleValue()).isEqualTo(100 * direct.sparsity());
        // three classes: the lanes ran if this JVM has them (the build's test JVMs resolve the Vector API)
        assertThat(summary.getCell(5).toString())
            .isEqualTo(Boolean.toString(new SagaSolver(SagaParameters.mnistStudy()).usesVectorLanes()));
        assertThat(node.progress().reports()).anyMatch(r -> "epoch 1 of at most 100, change 1.000".equals(r.message()));
    }

    @Test
    void theSummaryTellsTheObjectiveAndHowFarTheFitIsFromItsOptimum() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final PortObject[] out = node.execute(TABLE);
        final LogisticModel model = ((LogisticModelPortObject) out[0]).model();
        final BufferedDataTable summary = (BufferedDataTable) out[2];
        assertThat(summary.getSpec().getColumnNames()).contains("Objective", "Optimality violation");
        final DataRow row = summary.iterator().next();
        final Convergence expected = Objectives.convergence(model, engineData());
        assertThat(((DoubleValue) row.getCell(summary.getSpec().findColumnIndex("Objective"))).getDoubleValue())
            .isEqualTo(expected.objective());
        assertThat(((DoubleValue) row.getCell(summary.getSpec().findColumnIndex("Optimality violation")))
            .getDoubleValue()).isEqualTo(expected.optimalityViolation()).isPositive();
    }

    @Test
    void theViolationAllButVanishesWhenTheFitIsSolvedTightly() throws Exception {
        final double loose = violationAtTol(0.1);
        final double tight = violationAtTol(1e-8);
        assertThat(loose).isGreaterThan(1e-3);
        assertThat(tight).isLessThan(1e-4 * loose);
    }

    /** The optimality violation the learner publishes for C = 1 and the given tol. */
    private static double violationAtTol(final double tol) throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addDouble(SagaLearnerSettings.KEY_C, 1.0);
        settings.addDouble(SagaLearnerSettings.KEY_TOL, tol);
        settings.addInt(SagaLearnerSettings.KEY_MAX_ITER, 100_000);
        node.loadSettings(settings);
        final LogisticModel model = ((LogisticModelPortObject) node.execute(TABLE)[0]).model();
        assertThat(model.nonZeroCount()).isPositive();
        return (double) node.pushedFlowVariables().get("optimality_violation");
    }

    @Test
    void publishesTheFitsFactsAsFlowVariables() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final LogisticModel model = ((LogisticModelPortObject) node.execute(TABLE)[0]).model();
        assertThat(node.pushedFlowVariables()).containsEntry("penalty", "l1")
            .containsEntry("C", model.parameters().c())
            .containsEntry("n_iter", model.nIter())
            .containsEntry("converged", Boolean.toString(model.converged()))
            .containsEntry("sparsity", model.sparsity())
            .containsEntry("non_zero_weights", model.nonZeroCount())
            .containsEntry("objective", Objectives.convergence(model, engineData()).objective())
            .containsEntry("optimality_violation", Objectives.convergence(model, engineData()).optimalityViolation())
            .containsEntry("simd_lanes",
                Boolean.toString(new SagaSolver(SagaParameters.mnistStudy()).usesVectorLanes()));
    }

    @Test
    void reportsProgressEveryEpochOnTheWayToTol() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addDouble("tol", 1e-4);
        settings.addDouble("C", 1.0);
        node.loadSettings(settings);
        final LogisticModel model = ((LogisticModelPortObject) node.execute(TABLE)[0]).model();
        assertThat(model.converged()).isTrue();
        final List<Double> epochs = node.progress().reports().stream()
            .filter(r -> r.message() != null && r.message().startsWith("epoch ")).map(r -> r.fraction()).toList();
        assertThat(epochs).hasSize(model.nIter()).isSorted();
        // the fit stops at tol before max_iter=100 epochs; the fit's share (0.85 of the node) fills up anyway
        assertThat(model.nIter()).isLessThan(100);
        assertThat(epochs.get(0)).isLessThan(0.1);
        assertThat(epochs.get(model.nIter() / 2)).isBetween(0.2, 0.8);
        assertThat(epochs.get(epochs.size() - 1)).isGreaterThan(0.8);
    }

    @Test
    void takesBatchStyleOverridesOfFlatKeys() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addDouble(SagaLearnerSettings.KEY_C, 0.5);        // as -option=nodeID,C,0.5,double does
        settings.addString(SagaLearnerSettings.KEY_PENALTY, "l2");
        settings.addString(SagaLearnerSettings.KEY_TARGET, "class");
        node.loadSettings(settings);
        final LogisticModel model = ((LogisticModelPortObject) node.execute(TABLE)[0]).model();
        assertThat(model.parameters().c()).isEqualTo(0.5);
        assertThat(model.nonZeroCount()).isEqualTo(12);

        final HeadlessNode copy = HeadlessNode.of(new SagaLearnerNodeFactory());
        copy.loadSettings(HeadlessNode.saveDialog(node.openDialog(TABLE.getSpec())));
        assertThat(copy.saveSettings().getDouble(SagaLearnerSettings.KEY_C)).isEqualTo(0.5);
    }

    @Test
    void theModelPortSurvivesItsSerializer() throws Exception {
        final LogisticModelPortObject model =
            (LogisticModelPortObject) HeadlessNode.of(new SagaLearnerNodeFactory()).execute(TABLE)[0];
        final LogisticModelPortObject copy = HeadlessNode.roundTrip(model, new LogisticModelPortObject.Serializer());
        assertThat(copy.model()).isEqualTo(model.model());
        assertThat(copy.targetColumn()).isEqualTo("class");
        assertThat(copy.getSpec()).isEqualTo(model.getSpec());
    }

    @Test
    void warnsWhenMaxIterIsReached() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addInt(SagaLearnerSettings.KEY_MAX_ITER, 2);
        settings.addDouble(SagaLearnerSettings.KEY_TOL, 0.0);
        node.loadSettings(settings);
        node.execute(TABLE);
        assertThat(node.warningMessage()).contains("max_iter=2 was reached");
    }

    @Test
    void stopsWithinAnEpochWhenCancelled() {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        node.progress().onReport(r -> {
            if (r.message() != null && r.message().startsWith("epoch 1 ")) {
                node.cancel();
            }
        });
        assertThatThrownBy(() -> node.execute(Blobs.table(400, 2))).isInstanceOf(CanceledExecutionException.class);
        assertThat(node.progress().reports()).noneMatch(r -> r.message() != null && r.message().startsWith("epoch 3 "));
    }

    @Test
    void rejectsSettingsOutsideTheirRanges() {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addDouble(SagaLearnerSettings.KEY_C, 0);
        assertThatThrownBy(() -> node.loadSettings(settings)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("'C'");
        final NodeSettings penalty = node.saveSettings();
        penalty.addString(SagaLearnerSettings.KEY_PENALTY, "l3");
        assertThatThrownBy(() -> node.loadSettings(penalty)).hasMessageContaining("penalty must be one of");
    }

    @Test
    void namesBadInputs() throws Exception {
        final HeadlessNode node = HeadlessNode.of(new SagaLearnerNodeFactory());
        final DataTableSpec numbersOnly = new DataTableSpec(new String[] {"x"}, new DataType[] {DoubleCell.TYPE});
        assertThatThrownBy(() -> node.configure(numbersOnly)).hasMessageContaining("no string column");

        final NodeSettings settings = node.saveSettings();
        settings.addString(SagaLearnerSettings.KEY_TARGET, "label");
        node.loadSettings(settings);
        assertThatThrownBy(() -> node.configure(TABLE.getSpec())).hasMessageContaining("'label' is not in the input");

        final HeadlessNode defaults = HeadlessNode.of(new SagaLearnerNodeFactory());
        final BufferedDataTable gaps = Tables.of(Blobs.SPEC,
            cells(1, "a"), new DataCell[] {new DoubleCell(1), DataType.getMissingCell(), new DoubleCell(0),
                new DoubleCell(0), new StringCell("b")});
        assertThatThrownBy(() -> defaults.execute(gaps)).hasMessageContaining("Column 'f2' contains a missing value in "
            + "row 'Row1'");
        final BufferedDataTable noLabel = Tables.of(Blobs.SPEC, cells(1, "a"), new DataCell[] {new DoubleCell(1),
            new DoubleCell(1), new DoubleCell(0), new DoubleCell(0), DataType.getMissingCell()});
        assertThatThrownBy(() -> defaults.execute(noLabel)).hasMessageContaining("missing value in row 'Row1'");
        final BufferedDataTable oneClass = Tables.of(Blobs.SPEC, cells(1, "a"), cells(2, "a"));
        assertThatThrownBy(() -> defaults.execute(oneClass)).hasMessageContaining("only one class: 'a'");
    }

    private static DataCell[] cells(final double v, final String label) {
        return new DataCell[] {new DoubleCell(v), new DoubleCell(v), new DoubleCell(v), new DoubleCell(v),
            new StringCell(label)};
    }

    private static DenseDataset engineData() {
        final List<Double> values = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        for (final DataRow row : TABLE) {
            for (int j = 0; j < 4; j++) {
                values.add(((DoubleValue) row.getCell(j)).getDoubleValue());
            }
            labels.add(((StringValue) row.getCell(4)).getStringValue());
        }
        return DenseDataset.of(values.stream().mapToDouble(Double::doubleValue).toArray(), labels.size(),
            List.of("f1", "f2", "f3", "f4"), labels.toArray(new String[0]));
    }
}
