package io.github.sparselr.knime.node.logregpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.ProgressRecorder;
import io.github.sparselr.knime.testing.Blobs;
import io.github.sparselr.knime.testing.Tables;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.Convergence;
import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathProgress;
import io.github.sparselr.linear.path.PathResult;
import io.github.sparselr.linear.path.SelectionRule;
import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.image.ImagePortObject;

class LogRegPathNodeTest {

    private static final BufferedDataTable TABLE = Blobs.table(40, 1);

    /** A node on the test engine, with a five-value grid from 0.01 to 1 and the given settings changed. */
    private static HeadlessNode node(final WarmStartedSagaEngine engine, final Object... keyValues)
        throws InvalidSettingsException {
        final HeadlessNode node = HeadlessNode.of(new EngineFactory(engine));
        final NodeSettings settings = node.saveSettings();
        settings.addInt(LogRegPathSettings.KEY_CS, 5);
        settings.addString(LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_RANGE);
        settings.addDouble(LogRegPathSettings.KEY_C_MIN, 0.01);
        settings.addDouble(LogRegPathSettings.KEY_C_MAX, 1);
        settings.addString(LogRegPathSettings.KEY_SOLVER, LogRegPathSettings.SOLVER_SAGA);
        settings.addDouble(LogRegPathSettings.KEY_TOL, 0.1);
        put(settings, keyValues);
        node.loadSettings(settings);
        return node;
    }

    private static void put(final NodeSettings settings, final Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            final String key = (String) keyValues[i];
            final Object value = keyValues[i + 1];
            if (value instanceof Integer) {
                settings.addInt(key, (Integer) value);
            } else if (value instanceof Double) {
                settings.addDouble(key, (Double) value);
            } else {
                settings.addString(key, (String) value);
            }
        }
    }

    @Test
    void outputsTheChosenModelOneRowPerCAndAPlot() throws Exception {
        final WarmStartedSagaEngine engine = new WarmStartedSagaEngine();
        final HeadlessNode node = node(engine);
        final PortObjectSpec[] specs = node.configure(TABLE.getSpec());
        final PortObject[] out = node.execute(TABLE);

        final BufferedDataTable path = (BufferedDataTable) out[1];
        assertThat(path.getSpec().getColumnNames()).containsExactly(((DataTableSpec) specs[1]).getColumnNames());
        assertThat(path.size()).isEqualTo(5);
        assertThat(Tables.column(path, "C")).containsExactly(0.01, Math.pow(10, -1.5), 0.1, Math.pow(10, -0.5), 1.0);
        final List<String> selected = new ArrayList<>();
        for (final DataRow row : path) {
            selected.add(row.getCell(path.getSpec().findColumnIndex(LogRegPathNodeModel.COLUMN_SELECTED)).toString());
            assertThat(row.getCell(path.getSpec().findColumnIndex("CV accuracy mean")).isMissing()).isFalse();
        }
        assertThat(selected).containsOnlyOnce("true").hasSize(5);
        final int chosen = selected.indexOf("true");
        final double[] accuracy = Tables.column(path, "CV accuracy mean");
        assertThat(accuracy[chosen]).isEqualTo(max(accuracy));

        final LogisticModelPortObject model = (LogisticModelPortObject) out[0];
        assertThat(model.getSpec()).isEqualTo(specs[0]);
        assertThat(model.model().parameters().c()).isEqualTo(Tables.column(path, "C")[chosen]);
        assertThat(100 * model.model().sparsity()).isEqualTo(Tables.column(path, "Sparsity %")[chosen]);
        assertThat((double) model.model().nonZeroCount()).isEqualTo(Tables.column(path, "Non-zero weights")[chosen]);
        assertThat(model.model().score(data())).isEqualTo(Tables.column(path, "Training accuracy")[chosen]);

        final BufferedImage plot = ImageIO.read(new ByteArrayInputStream(png(out[2])));
        assertThat(plot.getWidth()).isEqualTo(PathPlot.WIDTH);
        assertThat(plot.getHeight()).isEqualTo(PathPlot.HEIGHT);
        assertThat(out[2].getSpec()).isEqualTo(specs[2]);
        assertThat(engine.calls).containsExactly("grid automatic=false count=5",
            "run solver=saga folds=5 seed=0 rule=BEST threads=" + Runtime.getRuntime().availableProcessors());
    }

    @Test
    void passesTheSettingsToTheEngine() throws Exception {
        final WarmStartedSagaEngine engine = new WarmStartedSagaEngine();
        node(engine, LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_AUTOMATIC, LogRegPathSettings.KEY_CS, 3,
            LogRegPathSettings.KEY_CV, 3, LogRegPathSettings.KEY_RANDOM_STATE, 7, LogRegPathSettings.KEY_THREADS, 2,
            LogRegPathSettings.KEY_SELECTION_RULE, LogRegPathSettings.RULE_ONE_SE).execute(TABLE);
        assertThat(engine.calls).containsExactly("grid automatic=true count=3",
            "run solver=saga folds=3 seed=7 rule=ONE_STANDARD_ERROR threads=2");
    }

    @Test
    void withoutCrossValidationTheCvCellsAreMissingAndTrainingAccuracyIsPublished() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_CV, 0);
        final BufferedDataTable path = (BufferedDataTable) node.execute(TABLE)[1];
        for (final DataRow row : path) {
            for (final String column : List.of("CV accuracy mean", "CV accuracy sd", "CV log loss mean",
                "CV log loss sd")) {
                assertThat(row.getCell(path.getSpec().findColumnIndex(column)).isMissing()).as(column).isTrue();
            }
        }
        assertThat(node.pushedFlowVariables()).containsKey("training_accuracy").doesNotContainKey("cv_accuracy_mean");
    }

    @Test
    void publishesTheChosenFitsFactsAsFlowVariables() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine());
        final PortObject[] out = node.execute(TABLE);
        final LogisticModelPortObject model = (LogisticModelPortObject) out[0];
        assertThat(node.pushedFlowVariables()).containsEntry("C", model.model().parameters().c())
            .containsEntry("penalty", "l1").containsEntry("solver", "saga")
            .containsEntry("sparsity", model.model().sparsity())
            .containsEntry("non_zero_weights", model.model().nonZeroCount())
            .containsEntry("n_iter", model.model().nIter())
            .containsKeys("C_index", "converged", "cv_accuracy_mean", "cv_accuracy_sd", "objective",
                "optimality_violation");
        final BufferedDataTable path = (BufferedDataTable) out[1];
        final int chosen = (Integer) node.pushedFlowVariables().get("C_index");
        assertThat(node.pushedFlowVariables()).containsEntry("objective", Tables.column(path, "Objective")[chosen])
            .containsEntry("optimality_violation", Tables.column(path, "Optimality violation")[chosen]);
    }

    @Test
    void reportsProgressPerFitOfEveryFold() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_CV, 2);
        node.execute(TABLE);
        final List<String> fits = node.progress().reports().stream().map(r -> r.message())
            .filter(m -> m != null && m.startsWith("fit ")).toList();
        assertThat(fits).hasSize(15);
        assertThat(fits.get(0)).startsWith("fit 1 of 15: all rows, C 1 of 5 (C = 0.01000), n_iter ");
        assertThat(fits.get(14)).startsWith("fit 15 of 15: fold 2 of 2, C 5 of 5 (C = 1.000), n_iter ");
    }

    @Test
    void reportsEachIterationWithinAFitWithItsCAndRows() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_CV, 2);
        node.execute(TABLE);
        final List<ProgressRecorder.Report> within = node.progress().reports().stream()
            .filter(r -> r.message() != null && r.message().startsWith("C ")).toList();
        final List<String> messages = within.stream().map(ProgressRecorder.Report::message).toList();
        assertThat(messages).anyMatch(m -> m.matches("C 1 of 5, iteration 1 of at most 100, change \\S+"));
        assertThat(messages).anyMatch(m -> m.matches("C 3 of 5 \\(all rows\\), iteration \\d+ of at most 100, change \\S+"));
        assertThat(messages).anyMatch(m -> m.matches("C 5 of 5 \\(fold 2 of 2\\), iteration \\d+ of at most 100, change \\S+"));
        // within a fit the bar moves, and never backwards over the whole run
        final List<Double> fractions = node.progress().reports().stream().map(ProgressRecorder.Report::fraction)
            .filter(f -> !Double.isNaN(f)).toList();
        for (int i = 1; i < fractions.size(); i++) {
            assertThat(fractions.get(i)).isGreaterThanOrEqualTo(fractions.get(i - 1));
        }
    }

    @Test
    void stopsWithinAnEpochWhenCancelled() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_TOL, 0.0,
            LogRegPathSettings.KEY_MAX_ITER, 50);
        node.progress().onReport(r -> {
            if (r.message() != null && r.message().startsWith("fit 1 ")) {
                node.cancel();
            }
        });
        assertThatThrownBy(() -> node.execute(Blobs.table(400, 2))).isInstanceOf(CanceledExecutionException.class);
        assertThat(node.progress().reports()).noneMatch(r -> r.message() != null && r.message().startsWith("fit 2 "));
    }

    @Test
    void warnsWhichValuesOfCReachedMaxIter() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_TOL, 0.0,
            LogRegPathSettings.KEY_MAX_ITER, 2, LogRegPathSettings.KEY_CV, 0);
        node.execute(TABLE);
        assertThat(node.warningMessage()).contains("max_iter=2 was reached before 5 of 5 fits converged (C = 0.01000, "
            + "0.03162, 0.1000, 0.3162, 1.000); raise max_iter or tol.");
    }

    @Test
    void warnsWhichConvergedFitsAreTooFarFromTheOptimumToSettleTheirZeros() throws Exception {
        // 120 rows, C 0.01 … 1: the L1 thresholds 1/(C·120) are 0.83 … 0.0083, their tenths 0.083 … 0.00083
        final double[] violations = {0.1, 0.02, 1e-9, 0.003, 0.0005};
        final PathEngine loose = new WarmStartedSagaEngine() {
            @Override
            public PathResult run(final DenseDataset data, final double[] cs, final String solver,
                final SagaParameters base, final int folds, final long seed, final SelectionRule rule, final int threads,
                final PathProgress progress) {
                final PathResult fitted = super.run(data, cs, solver, base, folds, seed, rule, threads, progress);
                final List<PathPoint> points = new ArrayList<>();
                for (int i = 0; i < cs.length; i++) {
                    final PathPoint p = fitted.points().get(i);
                    points.add(new PathPoint(p.c(), p.model(), new Convergence(p.convergence().objective(),
                        violations[i], p.convergence().nIter(), true), p.fitNanos()));
                }
                return new PathResult(points, fitted.cvScores(), fitted.selectedIndex());
            }
        };
        final HeadlessNode node = HeadlessNode.of(new EngineFactory(loose));
        final NodeSettings settings = node.saveSettings();
        put(settings, LogRegPathSettings.KEY_CS, 5, LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_RANGE,
            LogRegPathSettings.KEY_C_MIN, 0.01, LogRegPathSettings.KEY_C_MAX, 1.0, LogRegPathSettings.KEY_CV, 0,
            LogRegPathSettings.KEY_SOLVER, LogRegPathSettings.SOLVER_SAGA);
        node.loadSettings(settings);
        node.execute(TABLE);
        assertThat(node.warningMessage()).contains("2 of 5 fits stopped with an optimality violation above 10% of "
            + "their L1 threshold l1_ratio/(C·n), so which of their weights are zero is not settled: C = 0.01000 "
            + "(violation 0.10 > 0.083), 0.3162 (violation 0.0030 > 0.0026)").contains("lower tol");
    }

    @Test
    void aRangeGridStartsAndEndsAtTheTypedCMinAndCMax() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_C_MIN, 0.005,
            LogRegPathSettings.KEY_C_MAX, 0.05, LogRegPathSettings.KEY_CV, 0);
        final BufferedDataTable path = (BufferedDataTable) node.execute(TABLE)[1];
        final double[] cs = Tables.column(path, "C");
        assertThat(cs[0]).isEqualTo(0.005);
        assertThat(cs[4]).isEqualTo(0.05);
        assertThat(cs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aSubnormalCMinOrCMaxIsRefusedWhenLoadedNamingTheKey() throws Exception {
        // 1/C overflows below the smallest normal double; the engine refused it only at execute, as "C[0]"
        for (final String key : List.of(LogRegPathSettings.KEY_C_MIN, LogRegPathSettings.KEY_C_MAX)) {
            final NodeSettings saved = HeadlessNode.saveDialog(node(new WarmStartedSagaEngine(),
                LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_RANGE).openDialog(TABLE.getSpec()));
            saved.addDouble(key, 1e-320);
            final HeadlessNode node = HeadlessNode.of(new EngineFactory(new WarmStartedSagaEngine()));
            assertThatThrownBy(() -> node.loadSettings(saved)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'" + key + "' is 1.0E-320").hasMessageContaining("at least 1e-300");
        }
    }

    @Test
    void turnsWhatTheEngineRefusesIntoAMessage() throws Exception {
        final PathEngine refusing = new WarmStartedSagaEngine() {
            @Override
            public PathResult run(final DenseDataset data, final double[] cs, final String solver,
                final SagaParameters base, final int folds, final long seed, final SelectionRule rule, final int threads,
                final PathProgress progress) {
                throw new IllegalArgumentException("Class 'c' has 2 rows, fewer than the 5 folds; give cv at most 2.");
            }
        };
        final HeadlessNode node = HeadlessNode.of(new EngineFactory(refusing));
        assertThatThrownBy(() -> node.execute(TABLE)).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Class 'c' has 2 rows, fewer than the 5 folds; give cv at most 2.");
    }

    @Test
    void rejectsSettingsThatDoNotFitTogetherNamingTheKey() throws Exception {
        assertRefused("'cv' is 1; give 0 (no cross-validation) or at least 2 folds", LogRegPathSettings.KEY_CV, 1);
        assertRefused("'C_min' (1.0) must be smaller than 'C_max' (0.5)", LogRegPathSettings.KEY_C_GRID,
            LogRegPathSettings.GRID_RANGE, LogRegPathSettings.KEY_C_MIN, 1.0,
            LogRegPathSettings.KEY_C_MAX, 0.5);
        assertRefused("'selection_rule' is '1-SE', which needs the folds' standard error, but 'cv' is 0",
            LogRegPathSettings.KEY_CV, 0, LogRegPathSettings.KEY_SELECTION_RULE, LogRegPathSettings.RULE_ONE_SE);
        assertRefused("'solver' must be one of [newton-cd, saga], was 'lbfgs'", LogRegPathSettings.KEY_SOLVER, "lbfgs");
        assertRefused("'penalty' must be one of [l1, elasticnet], was 'l2'", LogRegPathSettings.KEY_PENALTY, "l2");
        assertRefused("'selection_rule' must be one of [best, 1-SE]", LogRegPathSettings.KEY_SELECTION_RULE, "min");
        assertRefused("'C_grid' must be one of [automatic, range]", LogRegPathSettings.KEY_C_GRID, "linear");
        assertRefused("'l1_ratio' is 0 (pure L2)", LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_AUTOMATIC,
            LogRegPathSettings.KEY_PENALTY, "elasticnet", LogRegPathSettings.KEY_L1_RATIO, 0.0);
        assertRefused("'C_factor' is 1", LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_AUTOMATIC,
            LogRegPathSettings.KEY_C_FACTOR, 1.0);
        assertRefused("'tol' is 0, but the solver 'newton-cd' stops when the largest optimality violation is at most "
            + "tol", LogRegPathSettings.KEY_SOLVER, LogRegPathSettings.SOLVER_NEWTON_CD, LogRegPathSettings.KEY_TOL, 0.0);
        assertRefused("'Cs'", LogRegPathSettings.KEY_CS, 0);
        assertRefused("'C_min'", LogRegPathSettings.KEY_C_MIN, 0.0);
    }

    @Test
    void theDialogKeepsEverySettingAndBatchOverridesReachTheEngine() throws Exception {
        final WarmStartedSagaEngine engine = new WarmStartedSagaEngine();
        final HeadlessNode node = node(engine, LogRegPathSettings.KEY_CS, 4, LogRegPathSettings.KEY_CV, 3);
        final HeadlessNode copy = HeadlessNode.of(new EngineFactory(engine));
        copy.loadSettings(HeadlessNode.saveDialog(node.openDialog(TABLE.getSpec())));
        assertThat(copy.saveSettings().getInt(LogRegPathSettings.KEY_CS)).isEqualTo(4);
        assertThat(copy.saveSettings().getInt(LogRegPathSettings.KEY_CV)).isEqualTo(3);
        copy.execute(TABLE);
        assertThat(engine.calls).last().asString().startsWith("run solver=saga folds=3 ");
    }

    @Test
    void theDialogEnablesTheGridsBoundsByTheGridsChoice() throws Exception {
        // the automatic grid takes C_factor; C_min and C_max are for a range
        final LogRegPathNodeDialog dialog = (LogRegPathNodeDialog) node(new WarmStartedSagaEngine(),
            LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_AUTOMATIC).openDialog(TABLE.getSpec());
        assertThat(enabled(dialog, "C_factor")).isTrue();
        assertThat(enabled(dialog, "C_min")).isFalse();
        assertThat(enabled(dialog, "C_max")).isFalse();
        // saved as KNIME saves a disabled model: its value and EnabledStatus false; a node loads it and runs
        final NodeSettings saved = HeadlessNode.saveDialog(dialog);
        assertThat(saved.getNodeSettings(LogRegPathSettings.KEY_C_MIN + "_Internals").getBoolean("EnabledStatus"))
            .isFalse();
        assertThat(saved.getDouble(LogRegPathSettings.KEY_C_MIN)).isEqualTo(0.01);
        final HeadlessNode reloaded = HeadlessNode.of(new EngineFactory(new WarmStartedSagaEngine()));
        reloaded.loadSettings(saved);
        assertThat(((BufferedDataTable) reloaded.execute(TABLE)[1]).size()).isEqualTo(5);

        // choosing a range in the open dialog turns the bounds on and C_factor off, and back
        dialog.settings().cGrid().setStringValue(LogRegPathSettings.GRID_RANGE);
        assertThat(enabled(dialog, "C_factor")).isFalse();
        assertThat(enabled(dialog, "C_min")).isTrue();
        assertThat(enabled(dialog, "C_max")).isTrue();
        dialog.settings().cGrid().setStringValue(LogRegPathSettings.GRID_AUTOMATIC);
        assertThat(enabled(dialog, "C_factor")).isTrue();
        assertThat(enabled(dialog, "C_min")).isFalse();

        // a node with a range opens with the bounds on, even from settings that hold them disabled
        saved.addString(LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_RANGE);
        reloaded.loadSettings(saved);
        final LogRegPathNodeDialog range = (LogRegPathNodeDialog) reloaded.openDialog(TABLE.getSpec());
        assertThat(enabled(range, "C_factor")).isFalse();
        assertThat(enabled(range, "C_min")).isTrue();
        assertThat(enabled(range, "C_max")).isTrue();
    }

    @Test
    void aRangeChosenByABatchOverrideChecksBoundsThatTheDialogSavedDisabled() throws Exception {
        // saved from the dialog with the automatic grid (C_min disabled, so KNIME skips its bounds), then
        // -option=…,C_grid,range,String and -option=…,C_min,0,double
        final NodeSettings saved = HeadlessNode.saveDialog(node(new WarmStartedSagaEngine(),
            LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_AUTOMATIC).openDialog(TABLE.getSpec()));
        saved.addString(LogRegPathSettings.KEY_C_GRID, LogRegPathSettings.GRID_RANGE);
        saved.addDouble(LogRegPathSettings.KEY_C_MIN, 0.0);
        final HeadlessNode node = HeadlessNode.of(new EngineFactory(new WarmStartedSagaEngine()));
        assertThatThrownBy(() -> node.loadSettings(saved)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("'C_min' is 0.0").hasMessageContaining("greater than 0");
    }

    /** Whether the dialog's component labelled "{@code setting} …" is enabled, as a user sees it. */
    private static boolean enabled(final NodeDialogPane dialog, final String setting) {
        final List<JLabel> labels = new ArrayList<>();
        collectLabels(dialog.getPanel(), setting + " ", labels);
        assertThat(labels).as("the label of " + setting).hasSize(1);
        return labels.get(0).isEnabled();
    }

    private static void collectLabels(final Container container, final String prefix, final List<JLabel> labels) {
        for (final Component c : container.getComponents()) {
            if (c instanceof JLabel && ((JLabel) c).getText().startsWith(prefix)) {
                labels.add((JLabel) c);
            } else if (c instanceof Container) {
                collectLabels((Container) c, prefix, labels);
            }
        }
    }

    @Test
    void acceptsOneValueOfCWithEqualBounds() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_CS, 1,
            LogRegPathSettings.KEY_C_MIN, 0.1, LogRegPathSettings.KEY_C_MAX, 0.1);
        assertThat(((BufferedDataTable) node.execute(TABLE)[1]).size()).isEqualTo(1);
    }

    private static void assertRefused(final String message, final Object... keyValues) {
        final HeadlessNode node = HeadlessNode.of(new EngineFactory(new WarmStartedSagaEngine()));
        final NodeSettings settings = node.saveSettings();
        put(settings, keyValues);
        assertThatThrownBy(() -> node.loadSettings(settings)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining(message);
    }

    @Test
    void configuresTheModelSpecFromTheTargetsDomainAndNamesBadInputs() throws Exception {
        final HeadlessNode node = node(new WarmStartedSagaEngine());
        final PortObjectSpec[] specs = node.configure(TABLE.getSpec());
        assertThat(LogisticModelPortObject.classesOf((DataTableSpec) specs[0])).containsExactly("a", "b", "c");
        final HeadlessNode wrong = node(new WarmStartedSagaEngine(), LogRegPathSettings.KEY_TARGET, "label");
        assertThatThrownBy(() -> wrong.configure(TABLE.getSpec())).hasMessageContaining("'label' is not in the input");
    }

    static byte[] png(final PortObject image) {
        return ((PNGImageCell) ((ImagePortObject) image).toDataCell()).getImageContent().getByteArray();
    }

    private static double max(final double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (final double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static DenseDataset data() {
        final List<String> labels = new ArrayList<>();
        final List<Double> values = new ArrayList<>();
        for (final DataRow row : TABLE) {
            for (int j = 0; j < 4; j++) {
                values.add(((DoubleValue) row.getCell(j)).getDoubleValue());
            }
            labels.add(row.getCell(4).toString());
        }
        return DenseDataset.of(values.stream().mapToDouble(Double::doubleValue).toArray(), labels.size(),
            List.of("f1", "f2", "f3", "f4"), labels.toArray(new String[0]));
    }
}
