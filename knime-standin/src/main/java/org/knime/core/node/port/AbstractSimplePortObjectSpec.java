package org.knime.core.node.port;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.swing.JComponent;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/** Stand-in for KNIME 5.1's {@code AbstractSimplePortObjectSpec}: a spec whose state is one ModelContent. */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {

    public AbstractSimplePortObjectSpec() {
    }

    protected abstract void save(final ModelContentWO model);

    protected abstract void load(final ModelContentRO model) throws InvalidSettingsException;

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object ospec) {
        return ospec != null && ospec.getClass() == getClass()
            && Arrays.equals(content(this), content((AbstractSimplePortObjectSpec) ospec));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content(this));
    }

    private static byte[] content(final AbstractSimplePortObjectSpec spec) {
        final ModelContent model = new ModelContent("model");
        spec.save(model);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            model.saveToXML(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
