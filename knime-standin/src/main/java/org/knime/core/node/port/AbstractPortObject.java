package org.knime.core.node.port;

import io.github.sparselr.knime.standin.NonClosingStreams;
import java.io.IOException;
import java.util.zip.ZipEntry;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/** Stand-in for KNIME 5.1's {@code AbstractPortObject}: a port object that writes its own zip entries. */
public abstract class AbstractPortObject implements PortObject {

    public AbstractPortObject() {
    }

    protected abstract void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void load(final PortObjectZipInputStream in, final PortObjectSpec spec,
        final ExecutionMonitor exec) throws IOException, CanceledExecutionException;

    /** Writes the class name, then lets the object write its own entries. */
    public static abstract class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {

        @Override
        @SuppressWarnings("unchecked")
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ZipEntry entry = in.getNextEntry();
            if (entry == null || !"meta.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry meta.xml, got " + (entry == null ? "none" : entry.getName()));
            }
            final ModelContentRO meta = ModelContent.loadFromXML(NonClosingStreams.of(in));
            final T result;
            try {
                result = (T) io.github.sparselr.knime.standin.PortObjects.instantiate(meta.getString("class_name"));
            } catch (InvalidSettingsException e) {
                throw new IOException("Unable to load the port object: " + e.getMessage(), e);
            }
            result.load(in, spec, exec);
            return result;
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("meta.xml"));
            final ModelContent meta = new ModelContent("meta.xml");
            meta.addString("class_name", portObject.getClass().getName());
            meta.saveToXML(NonClosingStreams.of(out));
            out.closeEntry();
            portObject.save(out, exec);
        }
    }
}
