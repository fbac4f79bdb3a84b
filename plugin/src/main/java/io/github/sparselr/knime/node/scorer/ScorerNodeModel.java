package io.github.sparselr.knime.node.scorer;

import io.github.sparselr.knime.table.LabelColumn;
import io.github.sparselr.metrics.ClassificationMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import io.github.sparselr.knime.node.SparselrNodeModel;
import org.knime.core.node.NodeModel;

/**
 * Compares an actual and a predicted class column: confusion matrix, KNIME's Scorer statistics per
 * class and overall, the flow variables KNIME's Scorer pushes, and an optional accuracy gate.
 */
final class ScorerNodeModel extends SparselrNodeModel {

    /** KNIME's Scorer statistics columns (AccuracyScorer2NodeModel), in its order. */
    static final DataTableSpec STATISTICS_SPEC = new DataTableSpec("Accuracy statistics",
        new String[] {"TruePositives", "FalsePositives", "TrueNegatives", "FalseNegatives", "Recall", "Precision",
            "Sensitivity", "Specificity", "F-measure", "Accuracy", "Cohen's kappa"},
        new DataType[] {IntCell.TYPE, IntCell.TYPE, IntCell.TYPE, IntCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE,
            DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE});

    private final ScorerSettings m_settings;

    ScorerNodeModel() {
        this(new ScorerSettings());
    }

    private ScorerNodeModel(final ScorerSettings settings) {
        super(1, 2, settings.group());
        m_settings = settings;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final List<String> labels = promisedLabels(inSpecs[0], columns(inSpecs[0]));
        // as KNIME's Scorer (AbstractAccuracyScorerNodeModel#configure, pushFlowVars(true)): the variables
        // exist from configure on, with zeros, so that a node below can bind a setting to them
        pushFlowVariables(0.0, 0.0, 0, 0, 0.0);
        return new DataTableSpec[] {labels == null ? null : confusionSpec(labels), STATISTICS_SPEC};
    }

    /**
     * The classes of the confusion matrix as configure promises them: the sorted union of both columns'
     * domain values, whichever classes the rows hold; null (not known before execution) when either
     * domain lists no values (KNIME lists at most 60).
     */
    private static List<String> promisedLabels(final DataTableSpec spec, final String[] columns) {
        final TreeSet<String> labels = new TreeSet<>();
        for (final String name : columns) {
            final DataColumnDomain domain = spec.getColumnSpec(name).getDomain();
            if (!domain.hasValues()) {
                return null;
            }
            domain.getValues().forEach(v -> labels.add(((StringValue) v).getStringValue()));
        }
        return List.copyOf(labels);
    }

    /** The actual and predicted columns; while unset, the last two string columns (KNIME's guess). */
    private String[] columns(final DataTableSpec spec) throws InvalidSettingsException {
        String actual = m_settings.actual().getStringValue();
        String predicted = m_settings.predicted().getStringValue();
        if (actual.isEmpty() || predicted.isEmpty()) {
            final List<String> strings = new ArrayList<>();
            for (final DataColumnSpec c : spec) {
                if (c.getType().isCompatible(StringValue.class)) {
                    strings.add(c.getName());
                }
            }
            if (strings.size() < 2) {
                throw new InvalidSettingsException("The scorer compares two string columns (actual and predicted "
                    + "class); the input has " + strings.size() + ".");
            }
            actual = actual.isEmpty() ? strings.get(strings.size() - 2) : actual;
            predicted = predicted.isEmpty() ? strings.get(strings.size() - 1) : predicted;
            setWarningMessage("Comparing '" + actual + "' (actual) with '" + predicted + "' (predicted).");
        }
        LabelColumn.check(spec, actual, "actual");
        LabelColumn.check(spec, predicted, "predicted");
        return new String[] {actual, predicted};
    }

    /**
     * One Int column per class, named by the class. KNIME trims a column name and renames an empty one
     * {@code <empty_N>} ({@code DataColumnSpecCreator#setName}), N counting up, so classes that differ only
     * in surrounding blanks would collide, and a blank class would be named differently by configure and
     * execute: both are errors that name the classes (renaming them, as KNIME's Scorer suffixes ambiguous
     * values, would leave " a" and "a" scored as two classes, which is rarely what the data meant).
     */
    private static DataTableSpec confusionSpec(final List<String> labels) throws InvalidSettingsException {
        final Map<String, String> classByName = new HashMap<>();
        for (final String label : labels) {
            final String name = label.trim();
            if (name.isEmpty()) {
                throw new InvalidSettingsException("The class '" + label + "' is empty or blank and cannot name a "
                    + "column of the confusion matrix (KNIME renames empty column names); replace it, e.g. with "
                    + "KNIME's String Manipulation node, before the learner and the scorer.");
            }
            final String other = classByName.putIfAbsent(name, label);
            if (other != null) {
                throw new InvalidSettingsException("The classes '" + other + "' and '" + label + "' differ only in "
                    + "leading or trailing blanks; KNIME trims column names, so both would name the confusion "
                    + "matrix column '" + name + "'. Trim the class values (e.g. strip() in KNIME's String "
                    + "Manipulation node) before the learner and the scorer.");
            }
        }
        final DataType[] types = new DataType[labels.size()];
        java.util.Arrays.fill(types, IntCell.TYPE);
        return new DataTableSpec("Confusion matrix", labels.toArray(new String[0]), types);
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final String[] columns = columns(inData[0].getDataTableSpec());
        final String[] actual = LabelColumn.read(inData[0], columns[0], "actual", exec);
        final String[] predicted = LabelColumn.read(inData[0], columns[1], "predicted", exec);
        final List<String> promised = promisedLabels(inData[0].getDataTableSpec(), columns);
        if (promised != null) {
            requireListed(inData[0], columns, actual, predicted, promised);
        }
        final ClassificationMetrics m;
        try {
            m = promised == null ? ClassificationMetrics.of(actual, predicted)
                : ClassificationMetrics.of(actual, predicted, promised);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        pushFlowVariables(m.accuracy(), 1 - m.accuracy(), m.correct(), m.total() - m.correct(), m.cohensKappa());
        if (m_settings.failBelow().getBooleanValue() && m.accuracy() < m_settings.minAccuracy().getDoubleValue()) {
            throw new InvalidSettingsException(String.format("The accuracy %.4f is below the quality gate of %.4f "
                + "(fail_below_accuracy is on).", m.accuracy(), m_settings.minAccuracy().getDoubleValue()));
        }
        return new BufferedDataTable[] {confusion(m, exec), statistics(m, exec)};
    }

    /** KNIME's Scorer's variables, named after its optional prefix (AbstractAccuracyScorerNodeModel#pushFlowVars). */
    private void pushFlowVariables(final double accuracy, final double error, final long correct, final long wrong,
        final double kappa) {
        final String prefix = m_settings.flowVariablePrefix().prefix();
        pushFlowVariableDouble(prefix + "Accuracy", accuracy);
        pushFlowVariableDouble(prefix + "Error", error);
        pushFlowVariableInt(prefix + "#Correct", (int) correct);
        pushFlowVariableInt(prefix + "#False", (int) wrong);
        pushFlowVariableDouble(prefix + "Cohen's kappa", kappa);
    }

    /**
     * Fails on a row whose class neither column's domain lists. Such a table's domain is stale (a node
     * wrote values its spec does not declare); KNIME's Scorer would add the class and scikit-learn's
     * {@code confusion_matrix(labels=...)} would leave the row out, but either way the matrix would not
     * be the one configure promised, so we name the row instead.
     */
    private static void requireListed(final BufferedDataTable table, final String[] columns, final String[] actual,
        final String[] predicted, final List<String> promised) throws InvalidSettingsException {
        final Set<String> listed = new HashSet<>(promised);
        for (int i = 0; i < actual.length; i++) {
            final boolean actualListed = listed.contains(actual[i]);
            if (!actualListed || !listed.contains(predicted[i])) {
                throw new InvalidSettingsException("Row '" + rowKey(table, i) + "' holds the class '"
                    + (actualListed ? predicted[i] : actual[i]) + "' in column '" + columns[actualListed ? 1 : 0]
                    + "', which the domains of '" + columns[0] + "' and '" + columns[1] + "' do not list " + promised
                    + "; the confusion matrix has one row and column per listed class. Recalculate the domains "
                    + "(e.g. with KNIME's Domain Calculator node) before the scorer.");
            }
        }
    }

    private static String rowKey(final BufferedDataTable table, final int index) {
        try (CloseableRowIterator rows = table.iterator()) {
            for (int i = 0; i < index; i++) {
                rows.next();
            }
            return rows.next().getKey().getString();
        }
    }

    private static BufferedDataTable confusion(final ClassificationMetrics m, final ExecutionContext exec)
        throws InvalidSettingsException {
        final List<String> labels = m.labels();
        final BufferedDataContainer out = exec.createDataContainer(confusionSpec(labels));
        for (int a = 0; a < labels.size(); a++) {
            final DataCell[] cells = new DataCell[labels.size()];
            for (int p = 0; p < labels.size(); p++) {
                cells[p] = new IntCell((int) m.count(a, p));
            }
            out.addRowToTable(new DefaultRow(labels.get(a), cells));
        }
        out.close();
        return out.getTable();
    }

    private static BufferedDataTable statistics(final ClassificationMetrics m, final ExecutionContext exec) {
        final BufferedDataContainer out = exec.createDataContainer(STATISTICS_SPEC);
        final DataCell missing = DataType.getMissingCell();
        for (int c = 0; c < m.labels().size(); c++) {
            out.addRowToTable(new DefaultRow(m.labels().get(c), new IntCell((int) m.truePositives(c)),
                new IntCell((int) m.falsePositives(c)), new IntCell((int) m.trueNegatives(c)),
                new IntCell((int) m.falseNegatives(c)), new DoubleCell(m.recall(c)), new DoubleCell(m.precision(c)),
                new DoubleCell(m.recall(c)), new DoubleCell(m.specificity(c)), new DoubleCell(m.f1(c)), missing,
                missing));
        }
        final String overall = m.labels().contains("Overall") ? "Overall (#1)" : "Overall";
        out.addRowToTable(new DefaultRow(overall, missing, missing, missing, missing, missing, missing, missing, missing,
            missing, new DoubleCell(m.accuracy()), new DoubleCell(m.cohensKappa())));
        out.close();
        return out.getTable();
    }


}
