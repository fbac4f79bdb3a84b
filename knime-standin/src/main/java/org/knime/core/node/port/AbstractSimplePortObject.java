package org.knime.core.node.port;

import io.github.sparselr.knime.standin.NonClosingStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import javax.swing.JComponent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Stand-in for KNIME 5.1's {@code AbstractSimplePortObject}: a port object whose state is one
 * {@link ModelContent}, stored as zip entry {@code content.xml} with {@code class_name} and sub-config
 * {@code model}, as KNIME writes it.
 */
public abstract class AbstractSimplePortObject implements PortObject {

    public AbstractSimplePortObject() {
    }

    protected abstract void save(final ModelContentWO model, final ExecutionMonitor exec)
        throws CanceledExecutionException;

    protected abstract void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    /** Serializer of every simple port object; subclass it as an empty nested {@code Serializer}. */
    public static abstract class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry content.xml, got " + (entry == null ? "none" : entry.getName()));
            }
            final ModelContentRO content = ModelContent.loadFromXML(NonClosingStreams.of(in));
            try {
                final T result = (T) io.github.sparselr.knime.standin.PortObjects.instantiate(
                    content.getString("class_name"));
                result.load(content.getModelContent("model"), spec, exec);
                return result;
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load port content: " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("content.xml"));
            final ModelContent content = new ModelContent("content.xml");
            content.addString("class_name", portObject.getClass().getName());
            portObject.save(content.addModelContent("model"), exec);
            content.saveToXML(NonClosingStreams.of(out));
            out.closeEntry();
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object oport) {
        if (oport == this) {
            return true;
        }
        if (oport == null || oport.getClass() != getClass()) {
            return false;
        }
        return Arrays.equals(contentBytes(this), contentBytes((AbstractSimplePortObject) oport));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(contentBytes(this));
    }

    private static byte[] contentBytes(final AbstractSimplePortObject po) {
        try {
            final ModelContent content = new ModelContent("model");
            po.save(content, new ExecutionMonitor());
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            content.saveToXML(bytes);
            return bytes.toByteArray();
        } catch (CanceledExecutionException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
