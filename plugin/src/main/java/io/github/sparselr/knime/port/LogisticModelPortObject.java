package io.github.sparselr.knime.port;

import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.Penalty;
import io.github.sparselr.linear.SagaParameters;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.swing.JComponent;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A fitted logistic regression travelling between nodes. Its spec is the layout of the table it was
 * trained on: the feature columns, then the target column whose nominal domain holds the classes, so
 * that the Predictor can check its input and name its output columns at configure time. Its view is
 * a summary of the fit ({@link LogisticModelSummaryView}).
 */
public final class LogisticModelPortObject extends AbstractSimplePortObject {

    /** Registered in plugin.xml as "Logistic Regression Model". */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(LogisticModelPortObject.class);

    /** KNIME finds the serializer through plugin.xml. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<LogisticModelPortObject> {
    }

    private LogisticModel m_model;

    private String m_targetColumn;

    /** Built once: KNIME asks for the spec often, and for MNIST it holds 785 column specs. */
    private DataTableSpec m_spec;

    /** For the framework's serializer; the state is set by {@link #load}. */
    public LogisticModelPortObject() {
    }

    public LogisticModelPortObject(final LogisticModel model, final String targetColumn) {
        m_model = model;
        m_targetColumn = targetColumn;
        m_spec = specOf(model.featureNames(), targetColumn, model.classes());
    }

    /** The training table's layout: feature columns (double) and the target with the classes as domain. */
    public static DataTableSpec specOf(final List<String> features, final String targetColumn,
        final List<String> classes) {
        final DataColumnSpec[] columns = new DataColumnSpec[features.size() + 1];
        for (int j = 0; j < features.size(); j++) {
            columns[j] = new DataColumnSpecCreator(features.get(j), DoubleCell.TYPE).createSpec();
        }
        columns[features.size()] = nominalColumn(targetColumn, classes);
        return new DataTableSpec("Logistic Regression Model", columns);
    }

    /** A string column whose domain is the given values, as KNIME's Scorer and learners expect. */
    public static DataColumnSpec nominalColumn(final String name, final List<String> values) {
        final Set<DataCell> domain = new LinkedHashSet<>();
        for (final String v : values) {
            domain.add(new StringCell(v));
        }
        final DataColumnSpecCreator creator = new DataColumnSpecCreator(name, StringCell.TYPE);
        creator.setDomain(new DataColumnDomainCreator(domain).createDomain());
        return creator.createSpec();
    }

    /** The classes of a model spec made by {@link #specOf}, from the target column's domain. */
    public static List<String> classesOf(final DataTableSpec spec) {
        final DataColumnSpec target = spec.getColumnSpec(spec.getNumColumns() - 1);
        return target.getDomain().getValues().stream().map(c -> ((StringCell) c).getStringValue()).toList();
    }

    /** The feature columns of a model spec made by {@link #specOf}. */
    public static List<String> featuresOf(final DataTableSpec spec) {
        return Arrays.asList(spec.getColumnNames()).subList(0, spec.getNumColumns() - 1);
    }

    public LogisticModel model() {
        return m_model;
    }

    public String targetColumn() {
        return m_targetColumn;
    }

    @Override
    public String getSummary() {
        return "Logistic regression (" + m_model.parameters().penalty() + ", C=" + m_model.parameters().c() + ") of "
            + m_model.classes().size() + " classes on " + m_model.featureNames().size() + " features, "
            + "n_iter " + m_model.nIter() + ", " + String.format("%.2f%%", 100 * m_model.sparsity()) + " zero weights";
    }

    @Override
    public DataTableSpec getSpec() {
        return m_spec;
    }

    /**
     * A summary of the fit (classes, penalty, C, n_iter, convergence, sparsity), instead of
     * {@code AbstractSimplePortObject}'s tree of the saved content, which lists every coefficient.
     */
    @Override
    public JComponent[] getViews() {
        return new JComponent[] {LogisticModelSummaryView.create(m_model, m_targetColumn)};
    }

    @Override
    protected void save(final ModelContentWO content, final ExecutionMonitor exec) {
        final SagaParameters p = m_model.parameters();
        content.addString("target_column", m_targetColumn);
        content.addStringArray("classes", m_model.classes().toArray(new String[0]));
        content.addStringArray("features", m_model.featureNames().toArray(new String[0]));
        content.addDoubleArray("coef", m_model.coef());
        content.addDoubleArray("intercept", m_model.intercept());
        content.addInt("n_iter", m_model.nIter());
        content.addBoolean("converged", m_model.converged());
        content.addDoubleArray("history", m_model.history());
        content.addString("penalty", p.penalty().sklearnName());
        content.addDouble("C", p.c());
        content.addDouble("l1_ratio", p.l1Ratio());
        content.addDouble("tol", p.tol());
        content.addInt("max_iter", p.maxIter());
        content.addBoolean("fit_intercept", p.fitIntercept());
        content.addLong("random_state", p.randomState());
    }

    @Override
    protected void load(final ModelContentRO content, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException {
        try {
            final SagaParameters p = new SagaParameters(Penalty.parse(content.getString("penalty")),
                content.getDouble("C"), content.getDouble("l1_ratio"), content.getDouble("tol"),
                content.getInt("max_iter"), content.getBoolean("fit_intercept"), content.getLong("random_state"));
            m_model = new LogisticModel(List.of(content.getStringArray("classes")),
                List.of(content.getStringArray("features")), content.getDoubleArray("coef"),
                content.getDoubleArray("intercept"), content.getInt("n_iter"), content.getBoolean("converged"),
                content.getDoubleArray("history"), p);
            m_targetColumn = content.getString("target_column");
            m_spec = specOf(m_model.featureNames(), m_targetColumn, m_model.classes());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The saved logistic regression model is inconsistent: " + e.getMessage(), e);
        }
    }
}
