package io.github.sparselr.knime.node.sagalearner;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.table.LabelColumn;
import io.github.sparselr.knime.table.NumericMatrix;
import io.github.sparselr.knime.table.TrainingColumns;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.linear.path.Convergence;
import io.github.sparselr.linear.path.Objectives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import io.github.sparselr.knime.node.MonitorProgress;
import io.github.sparselr.knime.node.SparselrNodeModel;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Fits a multinomial logistic regression by SAGA on the selected columns. A thin adapter: reads the
 * table into the engine's dataset, calls {@link SagaSolver}, and writes the model, its coefficients
 * and a training summary.
 */
final class SagaLearnerNodeModel extends SparselrNodeModel {

    static final DataTableSpec SUMMARY_SPEC = new DataTableSpec("Training summary",
        new String[] {"Epochs", "Converged", "Sparsity %", "Non-zero weights", "Fit milliseconds",
            SagaLearnerNodeFactory.SIMD_LANES_COLUMN, "Objective", "Optimality violation",
            "Max relative change per epoch"},
        new DataType[] {IntCell.TYPE, StringCell.TYPE, DoubleCell.TYPE, IntCell.TYPE, DoubleCell.TYPE,
            StringCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, StringCell.TYPE});

    private final SagaLearnerSettings m_settings;

    SagaLearnerNodeModel() {
        this(new SagaLearnerSettings());
    }

    private SagaLearnerNodeModel(final SagaLearnerSettings settings) {
        super(new PortType[] {BufferedDataTable.TYPE},
            new PortType[] {LogisticModelPortObject.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE}, settings.group());
        m_settings = settings;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec spec = (DataTableSpec) inSpecs[0];
        final String target = target(spec);
        final List<String> features = features(spec, target);
        m_settings.parameters(); // validates the parameters together
        final List<String> classes = TrainingColumns.classesInDomain(spec, target);
        if (classes == null) {
            // the classes are only known after reading the data
            return new PortObjectSpec[] {null, null, SUMMARY_SPEC};
        }
        return new PortObjectSpec[] {LogisticModelPortObject.specOf(features, target, classes),
            coefficientSpec(features), SUMMARY_SPEC};
    }

    private String target(final DataTableSpec spec) throws InvalidSettingsException {
        return TrainingColumns.target(spec, m_settings.target().getStringValue(), this::setWarningMessage);
    }

    private List<String> features(final DataTableSpec spec, final String target) throws InvalidSettingsException {
        return TrainingColumns.features(spec, m_settings.features(), target);
    }

    private static DataTableSpec coefficientSpec(final List<String> features) {
        final List<String> names = new ArrayList<>();
        names.add("Class");
        names.addAll(features);
        final DataTableSpec partial = new DataTableSpec(names.toArray(new String[0]), types(names.size()));
        names.add(DataTableSpec.getUniqueColumnName(partial, "Intercept"));
        return new DataTableSpec("Coefficients", names.toArray(new String[0]), types(names.size()));
    }

    /** "Class" (string), then doubles. */
    private static DataType[] types(final int count) {
        final DataType[] types = new DataType[count];
        Arrays.fill(types, DoubleCell.TYPE);
        types[0] = StringCell.TYPE;
        return types;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable table = (BufferedDataTable) inObjects[0];
        final DataTableSpec spec = table.getDataTableSpec();
        final String target = target(spec);
        final List<String> features = features(spec, target);
        final SagaParameters parameters = m_settings.parameters();
        final NumericMatrix x = NumericMatrix.read(table, features, exec.createSubProgress(0.1));
        final String[] labels = LabelColumn.read(table, target, "target", exec);
        final DenseDataset data = DenseDataset.of(x.values(), x.rows(), features, labels);

        final ExecutionMonitor fitProgress = exec.createSubProgress(0.85);
        final long start = System.nanoTime();
        final LogisticModel model;
        final SagaSolver solver = new SagaSolver(parameters);
        try {
            model = solver.fit(data, null, null, MonitorProgress.forFit(fitProgress, parameters.tol()));
        } catch (CancellationException e) {
            throw new CanceledExecutionException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        final double fitMillis = (System.nanoTime() - start) / 1e6;
        if (!model.converged()) {
            setWarningMessage("max_iter=" + parameters.maxIter() + " was reached before the weights converged "
                + "(tol=" + parameters.tol() + "); raise max_iter or tol.");
        }
        final boolean vectorLanes = solver.usesVectorLanesFor(model.classes().size());
        // docs/saga.md §14.1: how far the fit is from the optimum of its problem, after the timed fit
        final Convergence convergence = Objectives.convergence(model, data);
        pushFitVariables(model, convergence, vectorLanes);
        return new PortObject[] {new LogisticModelPortObject(model, target), coefficients(model, exec),
            summary(model, convergence, fitMillis, vectorLanes, exec)};
    }

    /**
     * The fit's facts as flow variables, as KNIME's Scorer publishes its accuracy, so that what follows
     * (and a batch run's report) reads them without knowing this node: penalty, C, n_iter, converged,
     * sparsity (fraction of zero weights), non_zero_weights, objective, optimality_violation (docs/saga.md
     * §14.1), simd_lanes. Booleans are the strings "true"/"false": KNIME 5.1's NodeModel pushes String,
     * int and double variables.
     */
    private void pushFitVariables(final LogisticModel model, final Convergence convergence,
        final boolean vectorLanes) {
        pushFlowVariableString("penalty", model.parameters().penalty().sklearnName());
        pushFlowVariableDouble("C", model.parameters().c());
        pushFlowVariableInt("n_iter", model.nIter());
        pushFlowVariableString("converged", Boolean.toString(model.converged()));
        pushFlowVariableDouble("sparsity", model.sparsity());
        pushFlowVariableInt("non_zero_weights", model.nonZeroCount());
        pushFlowVariableDouble("objective", convergence.objective());
        pushFlowVariableDouble("optimality_violation", convergence.optimalityViolation());
        pushFlowVariableString("simd_lanes", Boolean.toString(vectorLanes));
    }

    private static BufferedDataTable coefficients(final LogisticModel model, final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(coefficientSpec(model.featureNames()));
        final int d = model.featureNames().size();
        for (int row = 0; row < model.coefRows(); row++) {
            final String label = model.coefRows() == 1 ? model.classes().get(1) : model.classes().get(row);
            final double[] weights = model.coefRow(row);
            final DataCell[] cells = new DataCell[d + 2];
            cells[0] = new StringCell(label);
            for (int j = 0; j < d; j++) {
                cells[j + 1] = new DoubleCell(weights[j]);
            }
            cells[d + 1] = new DoubleCell(model.intercept()[row]);
            out.addRowToTable(new DefaultRow("Class " + label, cells));
        }
        out.close();
        return out.getTable();
    }

    private static BufferedDataTable summary(final LogisticModel model, final Convergence convergence,
        final double fitMillis, final boolean vectorLanes, final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(SUMMARY_SPEC);
        final StringBuilder history = new StringBuilder();
        for (final double change : model.history()) {
            history.append(history.length() == 0 ? "" : ", ").append(String.format("%.6g", change));
        }
        out.addRowToTable(new DefaultRow("Summary", new IntCell(model.nIter()),
            new StringCell(Boolean.toString(model.converged())), new DoubleCell(100 * model.sparsity()),
            new IntCell(model.nonZeroCount()), new DoubleCell(fitMillis), new StringCell(Boolean.toString(vectorLanes)),
            new DoubleCell(convergence.objective()), new DoubleCell(convergence.optimalityViolation()),
            new StringCell(history.toString())));
        out.close();
        return out.getTable();
    }


}
