package io.github.sparselr.knime.node.logregpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.ProgressRecorder;
import io.github.sparselr.knime.testing.Blobs;
import io.github.sparselr.knime.testing.Tables;
import io.github.sparselr.linear.path.CGrid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** The node on sparselr's own engine (CGrid, the path solvers, CrossValidatedPath), on small data. */
class LogRegPathEngineTest {

    private static final BufferedDataTable TABLE = Blobs.table(30, 3);

    private static HeadlessNode node(final String solver, final int cv, final String rule)
        throws InvalidSettingsException {
        final HeadlessNode node = HeadlessNode.of(new LogRegPathNodeFactory());
        final NodeSettings settings = node.saveSettings();
        settings.addString(LogRegPathSettings.KEY_TARGET, "class");
        settings.addInt(LogRegPathSettings.KEY_CS, 6);
        settings.addString(LogRegPathSettings.KEY_SOLVER, solver);
        settings.addDouble(LogRegPathSettings.KEY_TOL, LogRegPathSettings.SOLVER_SAGA.equals(solver) ? 1e-3 : 1e-6);
        settings.addInt(LogRegPathSettings.KEY_MAX_ITER, 1000);
        settings.addInt(LogRegPathSettings.KEY_CV, cv);
        settings.addString(LogRegPathSettings.KEY_SELECTION_RULE, rule);
        node.loadSettings(settings);
        return node;
    }

    @ParameterizedTest
    @ValueSource(strings = {LogRegPathSettings.SOLVER_NEWTON_CD, LogRegPathSettings.SOLVER_SAGA})
    void runsTheAutomaticGridWithFiveFoldsAndOutputsTheChosenFit(final String solver) throws Exception {
        final HeadlessNode node = node(solver, 5, LogRegPathSettings.RULE_ONE_SE);
        final PortObject[] out = node.execute(TABLE);
        final BufferedDataTable path = (BufferedDataTable) out[1];
        assertThat(path.size()).isEqualTo(6);
        final double[] cs = Tables.column(path, "C");
        // the automatic grid starts at the smallest C with a non-zero weight: the optimum there is all zeros, which
        // a fit stopped at tol meets up to the first weight leaving zero (newton-cd's first point keeps one)
        assertThat(cs[0]).isEqualTo(CGrid.automatic(engineData(), 1.0, 6, 100)[0]);
        assertThat(cs[5] / cs[0]).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Tables.column(path, "Non-zero weights")[0]).isLessThanOrEqualTo(1);
        assertThat(Tables.column(path, "Non-zero weights")[5]).isGreaterThan(3);
        final List<String> selected = new ArrayList<>();
        for (final DataRow row : path) {
            selected.add(row.getCell(path.getSpec().findColumnIndex(LogRegPathNodeModel.COLUMN_SELECTED)).toString());
            assertThat(row.getCell(path.getSpec().findColumnIndex("CV accuracy mean")).isMissing()).isFalse();
            assertThat(row.getCell(path.getSpec().findColumnIndex("Converged")).toString()).isEqualTo("true");
        }
        final int chosen = selected.indexOf("true");
        assertThat(selected).containsOnlyOnce("true");
        assertThat(((LogisticModelPortObject) out[0]).model().parameters().c()).isEqualTo(cs[chosen]);
        assertThat(node.pushedFlowVariables()).containsEntry("C", cs[chosen]).containsEntry("C_index", chosen)
            .containsEntry("solver", solver);
        // solved: the largest optimality violation of every fit is small
        for (final double violation : Tables.column(path, "Optimality violation")) {
            assertThat(violation).isLessThan(LogRegPathSettings.SOLVER_SAGA.equals(solver) ? 1e-2 : 1e-5);
        }
    }

    @Test
    void withoutFoldsTheLargestCIsChosen() throws Exception {
        final HeadlessNode node = node(LogRegPathSettings.SOLVER_NEWTON_CD, 0, LogRegPathSettings.RULE_BEST);
        final BufferedDataTable path = (BufferedDataTable) node.execute(TABLE)[1];
        final List<String> selected = new ArrayList<>();
        for (final DataRow row : path) {
            selected.add(row.getCell(path.getSpec().findColumnIndex(LogRegPathNodeModel.COLUMN_SELECTED)).toString());
        }
        assertThat(selected).containsExactly("false", "false", "false", "false", "false", "true");
    }

    @Test
    void aClassWithFewerRowsThanFoldsIsAMessageNamingTheClassAndTheSetting() throws Exception {
        final List<DataCell[]> rows = new ArrayList<>();
        for (final DataRow row : TABLE) {
            final String label = row.getCell(4).toString();
            if (!"c".equals(label) || rows.stream().filter(r -> "c".equals(r[4].toString())).count() < 2) {
                rows.add(new DataCell[] {row.getCell(0), row.getCell(1), row.getCell(2), row.getCell(3),
                    new StringCell(label)});
            }
        }
        final BufferedDataTable twoOfC = Tables.of(Blobs.SPEC, rows.toArray(new DataCell[0][]));
        final HeadlessNode node = node(LogRegPathSettings.SOLVER_NEWTON_CD, 5, LogRegPathSettings.RULE_BEST);
        assertThatThrownBy(() -> node.execute(twoOfC)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageStartingWith("The class 'c' has only 2 rows, fewer than the 5 folds")
            .hasMessageEndingWith("In this node n_splits is the setting 'cv' (now 5); 0 runs no cross-validation.");
    }

    @Test
    void moreFoldsThanRowsInEveryClassIsAMessageNamingTheSmallestClassAndItsRows() throws Exception {
        final List<DataCell[]> rows = new ArrayList<>();
        final Map<String, Integer> kept = new HashMap<>(Map.of("a", 4, "b", 2, "c", 3));
        for (final DataRow row : TABLE) {
            final String label = row.getCell(4).toString();
            if (kept.merge(label, -1, Integer::sum) >= 0) {
                rows.add(new DataCell[] {row.getCell(0), row.getCell(1), row.getCell(2), row.getCell(3),
                    new StringCell(label)});
            }
        }
        final HeadlessNode node = node(LogRegPathSettings.SOLVER_NEWTON_CD, 5, LogRegPathSettings.RULE_BEST);
        assertThatThrownBy(() -> node.execute(Tables.of(Blobs.SPEC, rows.toArray(new DataCell[0][]))))
            .isInstanceOf(InvalidSettingsException.class)
            .hasMessageStartingWith("n_splits=5 cannot be greater than the number of members in each class.")
            .hasMessageContaining("The smallest class, 'b', has 2 rows; give at most 2 folds.")
            .hasMessageEndingWith("In this node n_splits is the setting 'cv' (now 5); 0 runs no cross-validation.");
    }

    @Test
    void reportsTheIterationsOfParallelFoldsEachWithItsOwnFoldAndC() throws Exception {
        final HeadlessNode node = node(LogRegPathSettings.SOLVER_SAGA, 3, LogRegPathSettings.RULE_BEST);
        final NodeSettings settings = node.saveSettings();
        settings.addInt(LogRegPathSettings.KEY_THREADS, 4);
        node.loadSettings(settings);
        node.execute(TABLE);
        final Pattern within = Pattern
            .compile("C (\\d+) of 6 \\((fold \\d of 3|all rows)\\), iteration (\\d+) of at most 1000, change \\S+");
        // each task fits its values of C one after the other on one thread, each fit counting its iterations
        // up: an iteration given to the wrong task would show a task's C or a fit's iteration going back
        final Map<String, Integer> lastC = new HashMap<>();
        final Map<String, Integer> lastIteration = new HashMap<>();
        int seen = 0;
        double fraction = 0;
        for (final ProgressRecorder.Report r : node.progress().reports()) {
            if (!Double.isNaN(r.fraction())) {
                assertThat(r.fraction()).isGreaterThanOrEqualTo(fraction).isLessThanOrEqualTo(1);
                fraction = r.fraction();
            }
            final Matcher m = r.message() == null ? null : within.matcher(r.message());
            if (m != null && m.matches()) {
                final int c = Integer.parseInt(m.group(1));
                assertThat(c).as(r.message()).isGreaterThanOrEqualTo(lastC.getOrDefault(m.group(2), 0));
                lastC.put(m.group(2), c);
                final int iteration = Integer.parseInt(m.group(3));
                assertThat(iteration).as(r.message()).isGreaterThan(lastIteration.getOrDefault(m.group(2) + c, 0));
                lastIteration.put(m.group(2) + c, iteration);
                seen++;
            }
        }
        assertThat(seen).isPositive();
        assertThat(lastC.keySet()).contains("all rows", "fold 1 of 3", "fold 2 of 3", "fold 3 of 3");
    }

    @Test
    void oneClassIsAMessageNotAStackTrace() throws Exception {
        final BufferedDataTable oneClass = Tables.of(Blobs.SPEC, cells(1, "a"), cells(2, "a"), cells(3, "a"));
        final HeadlessNode node = node(LogRegPathSettings.SOLVER_NEWTON_CD, 0, LogRegPathSettings.RULE_BEST);
        assertThatThrownBy(() -> node.execute(oneClass)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("'a'");
    }

    private static DataCell[] cells(final double v, final String label) {
        return new DataCell[] {new DoubleCell(v), new DoubleCell(-v), new DoubleCell(v), new DoubleCell(0),
            new StringCell(label)};
    }

    @Test
    void oneValueOfCOnARangeIsCMinWhateverCMaxIs() {
        // the settings check and the description allow C_min ≥ C_max for Cs = 1; the grid refused it at execute
        final double[] cs = new EnginePathEngine().grid(engineData(),
            io.github.sparselr.linear.SagaParameters.mnistStudy(), false, 1, 100, 0.05, 0.001);
        assertThat(cs).hasSize(1); // numpy's logspace: 10^log10(0.05), within an ulp; the node then sets it exactly
        assertThat(cs[0]).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-16));
    }

    private static io.github.sparselr.data.DenseDataset engineData() {
        final List<Double> values = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        for (final DataRow row : TABLE) {
            for (int j = 0; j < 4; j++) {
                values.add(((org.knime.core.data.DoubleValue) row.getCell(j)).getDoubleValue());
            }
            labels.add(row.getCell(4).toString());
        }
        return io.github.sparselr.data.DenseDataset.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
            labels.size(), List.of("f1", "f2", "f3", "f4"), labels.toArray(new String[0]));
    }
}
