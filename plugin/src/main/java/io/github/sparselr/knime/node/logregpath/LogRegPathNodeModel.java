package io.github.sparselr.knime.node.logregpath;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.knime.node.MonitorProgress;
import io.github.sparselr.knime.node.SparselrNodeModel;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.table.LabelColumn;
import io.github.sparselr.knime.table.NumericMatrix;
import io.github.sparselr.knime.table.TrainingColumns;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.path.CvScores;
import io.github.sparselr.linear.path.PathPoint;
import io.github.sparselr.linear.path.PathResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/**
 * Fits a logistic regression for each value of a grid of C, cross-validates the grid and outputs the
 * chosen model, one row per C and the trade-off's picture. A thin adapter: reads the table into the
 * engine's dataset, calls the {@link PathEngine}, and writes its {@link PathResult}.
 */
final class LogRegPathNodeModel extends SparselrNodeModel {

    static final String COLUMN_SELECTED = "Selected";

    static final DataTableSpec PATH_SPEC = new DataTableSpec("Regularization path",
        new String[] {"C", "Non-zero weights", "Sparsity %", "Objective", "Optimality violation", "n_iter", "Converged",
            "Fit milliseconds", "Training accuracy", "CV accuracy mean", "CV accuracy sd", "CV log loss mean",
            "CV log loss sd", COLUMN_SELECTED},
        new DataType[] {DoubleCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, IntCell.TYPE,
            StringCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
            DoubleCell.TYPE, StringCell.TYPE});

    private final LogRegPathSettings m_settings;

    private final PathEngine m_engine;

    LogRegPathNodeModel() {
        this(new EnginePathEngine());
    }

    /** With another engine (tests). */
    LogRegPathNodeModel(final PathEngine engine) {
        this(new LogRegPathSettings(), engine);
    }

    private LogRegPathNodeModel(final LogRegPathSettings settings, final PathEngine engine) {
        super(new PortType[] {BufferedDataTable.TYPE},
            new PortType[] {LogisticModelPortObject.TYPE, BufferedDataTable.TYPE, ImagePortObject.TYPE},
            settings.group());
        m_settings = settings;
        m_engine = engine;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec spec = (DataTableSpec) inSpecs[0];
        final String target = target(spec);
        final List<String> features = TrainingColumns.features(spec, m_settings.features(), target);
        m_settings.baseParameters(); // validates the parameters together
        final List<String> classes = TrainingColumns.classesInDomain(spec, target);
        final ImagePortObjectSpec image = new ImagePortObjectSpec(PNGImageContent.TYPE);
        return new PortObjectSpec[] {classes == null ? null : LogisticModelPortObject.specOf(features, target, classes),
            PATH_SPEC, image};
    }

    private String target(final DataTableSpec spec) throws InvalidSettingsException {
        return TrainingColumns.target(spec, m_settings.target().getStringValue(), this::setWarningMessage);
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable table = (BufferedDataTable) inObjects[0];
        final DataTableSpec spec = table.getDataTableSpec();
        final String target = target(spec);
        final List<String> features = TrainingColumns.features(spec, m_settings.features(), target);
        final SagaParameters base = m_settings.baseParameters();
        final NumericMatrix x = NumericMatrix.read(table, features, exec.createSubProgress(0.05));
        final String[] labels = LabelColumn.read(table, target, "target", exec);
        final DenseDataset data = DenseDataset.of(x.values(), x.rows(), features, labels);

        final int folds = m_settings.cv().getIntValue();
        final PathResult result;
        try {
            final double[] cs = m_engine.grid(data, base, m_settings.automaticGrid(), m_settings.cs().getIntValue(),
                m_settings.cFactor().getDoubleValue(), m_settings.cMin().getDoubleValue(),
                m_settings.cMax().getDoubleValue());
            if (!m_settings.automaticGrid()) {
                withTheTypedEnds(cs, m_settings.cMin().getDoubleValue(), m_settings.cMax().getDoubleValue());
            }
            final MonitorProgress progress = MonitorProgress.forPath(exec.createSubProgress(0.9), base.tol(), cs.length,
                folds);
            result = m_engine.run(data, cs, m_settings.solver().getStringValue(), base, folds,
                m_settings.randomState().getIntValue(), m_settings.rule(), m_settings.threadCount(), progress);
        } catch (CancellationException e) {
            throw new CanceledExecutionException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(inTheNodesTerms(e.getMessage(), folds, labels), e);
        }
        final double[] trainingAccuracy = new double[result.points().size()];
        for (int i = 0; i < trainingAccuracy.length; i++) {
            exec.checkCanceled();
            trainingAccuracy[i] = result.points().get(i).model().score(data);
        }
        warnAboutTheFits(result, data.rows(), base);
        pushPathVariables(result, trainingAccuracy);
        final ImagePortObject plot = new ImagePortObject(new PNGImageContent(PathPlot.png(result, trainingAccuracy)),
            new ImagePortObjectSpec(PNGImageContent.TYPE));
        return new PortObject[] {new LogisticModelPortObject(result.selectedModel(), target),
            pathTable(result, trainingAccuracy, exec), plot};
    }

    /**
     * A range grid's first and last C as the user typed them: numpy's {@code logspace} (as {@code CGrid}
     * computes it) gives {@code 10^log10(C_min)}, e.g. 0.004999999999999999 for 0.005, and a C in the path
     * table or flow variable that is not the number given is not found by a filter for it. The inner values
     * stay the grid's; the ends move by an ulp or so, so the grid stays increasing.
     */
    static void withTheTypedEnds(final double[] cs, final double min, final double max) {
        if (cs.length > 0) {
            cs[0] = min;
        }
        if (cs.length > 1) {
            cs[cs.length - 1] = max;
        }
    }

    /**
     * The engine's message, and where it speaks of scikit-learn's {@code n_splits} (the folds' messages
     * do), which setting of this node that is.
     */
    static String inTheNodesTerms(final String message, final int folds, final String[] labels) {
        if (message != null && message.contains("n_splits")) {
            return message + smallestClass(message, labels) + " In this node n_splits is the setting '"
                + LogRegPathSettings.KEY_CV + "' (now " + folds + "); 0 runs no cross-validation.";
        }
        return message;
    }

    /**
     * For scikit-learn's "n_splits=… cannot be greater than the number of members in each class" (every
     * class has fewer rows than folds), which names no class: the smallest class and its row count.
     */
    private static String smallestClass(final String message, final String[] labels) {
        if (!message.contains("number of members in each class") || labels.length == 0) {
            return "";
        }
        final Map<String, Integer> counts = new TreeMap<>();
        for (final String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        Map.Entry<String, Integer> smallest = null;
        for (final Map.Entry<String, Integer> e : counts.entrySet()) {
            if (smallest == null || e.getValue() < smallest.getValue()) {
                smallest = e;
            }
        }
        return " The smallest class, '" + smallest.getKey() + "', has " + smallest.getValue() + " rows; give at most "
            + smallest.getValue() + " folds.";
    }

    /**
     * A fit's optimality violation may be at most this share of its L1 threshold λ₁ = l1_ratio/(C·n)
     * before the node warns. A zero weight is optimal while its gradient is within λ₁; a fit with
     * violation v only tells |gradient| ≤ λ₁ − v (surely zero) from ≥ λ₁ + v (surely non-zero), so at
     * v = 0.1·λ₁ the undecided weights are those whose gradient is within 10% of λ₁: by λ₁ ∝ 1/C, weights
     * that leave zero at a C at most about 11% away, less than one step of the default grid (20 values of
     * C over a factor of 100, ×1.27 a step). A larger violation decides sparsity beyond the grid's own
     * resolution.
     */
    static final double VIOLATION_SHARE_OF_L1 = 0.1;

    /**
     * Fits stopped by max_iter, fits converged by their tol but too far from the optimum to decide their
     * zeros (see {@link #VIOLATION_SHARE_OF_L1}), and a choice at the grid's edge, where a wider grid may
     * choose otherwise.
     */
    private void warnAboutTheFits(final PathResult result, final int rows, final SagaParameters base) {
        final List<String> warnings = new ArrayList<>();
        final List<String> unconverged = new ArrayList<>();
        for (final PathPoint p : result.points()) {
            if (!p.convergence().converged()) {
                unconverged.add(String.format(Locale.ROOT, "%.4g", p.c()));
            }
        }
        if (!unconverged.isEmpty()) {
            warnings.add("max_iter=" + m_settings.maxIter().getIntValue() + " was reached before " + unconverged.size()
                + " of " + result.points().size() + " fits converged (C = " + String.join(", ", unconverged)
                + "); raise max_iter or tol.");
        }
        final double l1Ratio = base.penalty() == Penalty.ELASTICNET ? base.l1Ratio() : 1;
        final List<String> unsolved = new ArrayList<>();
        for (final PathPoint p : result.points()) {
            final double l1 = l1Ratio / (p.c() * rows);
            if (l1 > 0 && !(p.convergence().optimalityViolation() <= VIOLATION_SHARE_OF_L1 * l1)) {
                unsolved.add(String.format(Locale.ROOT, "%.4g (violation %.2g > %.2g)", p.c(),
                    p.convergence().optimalityViolation(), VIOLATION_SHARE_OF_L1 * l1));
            }
        }
        if (!unsolved.isEmpty()) {
            warnings.add(unsolved.size() + " of " + result.points().size() + " fits stopped with an optimality "
                + "violation above 10% of their L1 threshold l1_ratio/(C·n), so which of their weights are zero is "
                + "not settled: C = " + String.join(", ", unsolved) + "; lower tol"
                + (LogRegPathSettings.SOLVER_SAGA.equals(m_settings.solver().getStringValue())
                    ? " (saga's tol bounds the change of the weights, not the violation) or use the solver newton-cd"
                    : "")
                + ", and raise max_iter if needed.");
        }
        final int last = result.points().size() - 1;
        if (last > 0 && !result.cvScores().isEmpty()
            && (result.selectedIndex() == 0 || result.selectedIndex() == last)) {
            warnings.add("The chosen C is the " + (result.selectedIndex() == 0 ? "smallest" : "largest")
                + " of the grid; a wider grid may choose another.");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join(" ", warnings));
        }
    }

    /**
     * The chosen fit's facts as flow variables, as the SAGA learner publishes its fit's: penalty,
     * solver, C, C_index (0-based on the grid), n_iter, converged, sparsity (fraction of zero weights),
     * non_zero_weights, objective, optimality_violation, and with cross-validation cv_accuracy_mean and
     * cv_accuracy_sd; without, training_accuracy.
     */
    private void pushPathVariables(final PathResult result, final double[] trainingAccuracy) {
        final PathPoint chosen = result.points().get(result.selectedIndex());
        final LogisticModel model = chosen.model();
        pushFlowVariableString("penalty", model.parameters().penalty().sklearnName());
        pushFlowVariableString("solver", m_settings.solver().getStringValue());
        pushFlowVariableDouble("C", chosen.c());
        pushFlowVariableInt("C_index", result.selectedIndex());
        pushFlowVariableInt("n_iter", chosen.convergence().nIter());
        pushFlowVariableString("converged", Boolean.toString(chosen.convergence().converged()));
        pushFlowVariableDouble("sparsity", model.sparsity());
        pushFlowVariableInt("non_zero_weights", model.nonZeroCount());
        pushFlowVariableDouble("objective", chosen.convergence().objective());
        pushFlowVariableDouble("optimality_violation", chosen.convergence().optimalityViolation());
        if (result.cvScores().isEmpty()) {
            pushFlowVariableDouble("training_accuracy", trainingAccuracy[result.selectedIndex()]);
        } else {
            final CvScores scores = result.cvScores().get(result.selectedIndex());
            pushFlowVariableDouble("cv_accuracy_mean", scores.accuracyMean());
            pushFlowVariableDouble("cv_accuracy_sd", scores.accuracySd());
        }
    }

    private static BufferedDataTable pathTable(final PathResult result, final double[] trainingAccuracy,
        final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(PATH_SPEC);
        final boolean cv = !result.cvScores().isEmpty();
        for (int i = 0; i < result.points().size(); i++) {
            final PathPoint p = result.points().get(i);
            final CvScores s = cv ? result.cvScores().get(i) : null;
            out.addRowToTable(new DefaultRow("Row" + i, new DoubleCell(p.c()), new IntCell(p.model().nonZeroCount()),
                new DoubleCell(100 * p.model().sparsity()), new DoubleCell(p.convergence().objective()),
                new DoubleCell(p.convergence().optimalityViolation()), new IntCell(p.convergence().nIter()),
                new StringCell(Boolean.toString(p.convergence().converged())), new DoubleCell(p.fitNanos() / 1e6),
                new DoubleCell(trainingAccuracy[i]), cv ? new DoubleCell(s.accuracyMean()) : missing(),
                cv ? new DoubleCell(s.accuracySd()) : missing(), cv ? new DoubleCell(s.logLossMean()) : missing(),
                cv ? new DoubleCell(s.logLossSd()) : missing(),
                new StringCell(Boolean.toString(i == result.selectedIndex()))));
        }
        out.close();
        return out.getTable();
    }

    private static DataCell missing() {
        return DataType.getMissingCell();
    }
}
