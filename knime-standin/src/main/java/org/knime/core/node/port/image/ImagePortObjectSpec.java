package org.knime.core.node.port.image;

import javax.swing.JComponent;
import org.knime.core.data.DataType;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** Stand-in for KNIME 5.1's {@code ImagePortObjectSpec}: which kind of image a port carries. */
public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {

    private DataType m_type;

    public ImagePortObjectSpec(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_type = type;
    }

    public ImagePortObjectSpec() {
    }

    public DataType getDataType() {
        return m_type;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_type = DataType.load(model.getConfig("data_type"));
    }

    @Override
    protected void save(final ModelContentWO model) {
        m_type.save(model.addModelContent("data_type"));
    }
}
