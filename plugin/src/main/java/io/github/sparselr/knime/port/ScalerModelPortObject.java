package io.github.sparselr.knime.port;

import io.github.sparselr.preprocessing.ScalerModel;
import java.util.Arrays;
import java.util.List;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A fitted Standard Scaler travelling between nodes. Its spec is the table spec of the columns it
 * scales (the {@code NormalizerPortObject} pattern), so that Standard Scaler (Apply) can check its
 * input at configure time.
 */
public final class ScalerModelPortObject extends AbstractSimplePortObject {

    /** Registered in plugin.xml as "Standard Scaler Model". */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ScalerModelPortObject.class);

    /** KNIME finds the serializer through plugin.xml. */
    public static final class Serializer extends AbstractSimplePortObjectSerializer<ScalerModelPortObject> {
    }

    private static final String KEY_COLUMNS = "columns";
    private static final String KEY_MEAN = "mean";
    private static final String KEY_VARIANCE = "var";
    private static final String KEY_SCALE = "scale";
    private static final String KEY_SAMPLES = "n_samples_seen";
    private static final String KEY_WITH_MEAN = "with_mean";
    private static final String KEY_WITH_STD = "with_std";

    private ScalerModel m_model;

    /** For the framework's serializer; the model is set by {@link #load}. */
    public ScalerModelPortObject() {
    }

    public ScalerModelPortObject(final ScalerModel model) {
        m_model = model;
    }

    /** The table spec of the columns a scaler model scales, all double columns. */
    public static DataTableSpec specOf(final List<String> columns) {
        final DataType[] types = new DataType[columns.size()];
        Arrays.fill(types, DoubleCell.TYPE);
        return new DataTableSpec("Standard Scaler Model", columns.toArray(new String[0]), types);
    }

    public ScalerModel model() {
        return m_model;
    }

    @Override
    public String getSummary() {
        return "Standard Scaler on " + m_model.columnNames().size() + " columns, fitted on "
            + m_model.samplesSeen() + " rows";
    }

    @Override
    public DataTableSpec getSpec() {
        return specOf(m_model.columnNames());
    }

    @Override
    protected void save(final ModelContentWO content, final ExecutionMonitor exec) {
        content.addStringArray(KEY_COLUMNS, m_model.columnNames().toArray(new String[0]));
        content.addDoubleArray(KEY_MEAN, m_model.mean());
        content.addDoubleArray(KEY_VARIANCE, m_model.variance());
        content.addDoubleArray(KEY_SCALE, m_model.scale());
        content.addLong(KEY_SAMPLES, m_model.samplesSeen());
        content.addBoolean(KEY_WITH_MEAN, m_model.withMean());
        content.addBoolean(KEY_WITH_STD, m_model.withStd());
    }

    @Override
    protected void load(final ModelContentRO content, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException {
        try {
            m_model = new ScalerModel(List.of(content.getStringArray(KEY_COLUMNS)), content.getDoubleArray(KEY_MEAN),
                content.getDoubleArray(KEY_VARIANCE), content.getDoubleArray(KEY_SCALE), content.getLong(KEY_SAMPLES),
                content.getBoolean(KEY_WITH_MEAN), content.getBoolean(KEY_WITH_STD));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The saved Standard Scaler model is inconsistent: " + e.getMessage(), e);
        }
    }
}
