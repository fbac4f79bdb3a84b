package org.knime.core.node.port;

import java.io.IOException;
import javax.swing.JComponent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Stand-in for KNIME 5.1's {@code PortObject}. */
public interface PortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    /** Writes and reads port objects of one class; KNIME finds it through plugin.xml. */
    abstract static class PortObjectSerializer<T extends PortObject> {

        public abstract void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException;
    }

    String getSummary();

    PortObjectSpec getSpec();

    public JComponent[] getViews();
}
