package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Stand-in for KNIME 5.1's {@code NodeModel}. The headless harness drives it through
 * {@link #configureModel} and {@link #executeModel}, which wrap the protected methods as KNIME's
 * package-private methods of the same names do; warnings and pushed flow variables are kept for it to read.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {

    private final PortType[] m_inPortTypes;

    private final PortType[] m_outPortTypes;

    private final NodeLogger m_logger = NodeLogger.getLogger(getClass());

    private String m_warningMessage;

    private final Map<String, Object> m_pushedFlowVariables = new LinkedHashMap<>();

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inPortTypes = inPortTypes.clone();
        m_outPortTypes = outPortTypes.clone();
    }

    private static PortType[] tablePorts(final int count) {
        final PortType[] types = new PortType[count];
        Arrays.fill(types, BufferedDataTable.TYPE);
        return types;
    }

    protected abstract void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected final int getNrInPorts() {
        return m_inPortTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outPortTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return m_inPortTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outPortTypes[index];
    }

    protected abstract void saveSettingsTo(final NodeSettingsWO settings);

    protected abstract void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(final NodeSettingsRO settings)
        throws InvalidSettingsException;

    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IOException("Input port " + i + " does not hold a data table; override "
                    + "execute(PortObject[], ExecutionContext).");
            }
            tables[i] = (BufferedDataTable) inObjects[i];
        }
        return execute(tables, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    protected abstract void reset();

    protected void onDispose() {
    }

    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec[] specs = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new InvalidSettingsException("Input port " + i + " does not hold a table spec; override "
                    + "configure(PortObjectSpec[]).");
            }
            specs[i] = (DataTableSpec) inSpecs[i];
        }
        return configure(specs);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /**
     * What KNIME's {@code NodeModel#configureModel} does around {@link #configure(PortObjectSpec[])}: the
     * warning of an earlier configure or execute is cleared first, a missing spec at a required table port
     * becomes an empty {@link DataTableSpec}, and a null result stands for "no output spec known".
     * (KNIME's {@code Node#configure} does not even get here while a required input has no spec.)
     */
    private PortObjectSpec[] configureModel(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        setWarningMessage(null);
        // KNIME gives the node a new, empty outgoing flow-variable stack before each configure and execute
        // (WorkflowManager#createAndSetFlowObjectStackFor): what an earlier call pushed is gone
        m_pushedFlowVariables.clear();
        final PortObjectSpec[] specs = inSpecs.clone();
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] == null && BufferedDataTable.TYPE.equals(m_inPortTypes[i])) {
                specs[i] = new DataTableSpec();
            }
        }
        final PortObjectSpec[] out = configure(specs);
        return out == null || out.length != m_outPortTypes.length ? new PortObjectSpec[m_outPortTypes.length] : out;
    }

    /**
     * What KNIME's {@code NodeModel#executeModel} does around {@link #execute(PortObject[], ExecutionContext)}:
     * the warning of the preceding configure is cleared first, and when the node set no warning of its own
     * and every output table is empty, it gets KNIME's warning ({@code executeModelCheckTableWarnings}).
     */
    private PortObject[] executeModel(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        setWarningMessage(null);
        m_pushedFlowVariables.clear(); // a new outgoing stack, as before configure
        final PortObject[] out = execute(inObjects, exec);
        if (out == null || out.length != m_outPortTypes.length) {
            throw new IllegalStateException("Invalid result. Execution failed. Reason: Incorrect implementation; the "
                + "execute method in \"" + getClass().getSimpleName() + "\" returned null or an incorrect number of "
                + "output tables.");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("Invalid result. Execution failed, reason: data at output " + i
                    + " is null.");
            }
        }
        if (m_warningMessage == null) {
            int tables = 0;
            boolean hasData = false;
            for (final PortObject o : out) {
                if (o instanceof BufferedDataTable) {
                    tables++;
                    hasData |= ((BufferedDataTable) o).size() > 0;
                }
            }
            if (tables > 0 && !hasData) {
                setWarningMessage(tables == 1 ? "Node created an empty data table."
                    : "Node created empty data tables on all out-ports.");
            }
        }
        return out;
    }

    protected final void setWarningMessage(final String warningMessage) {
        m_warningMessage = warningMessage;
    }

    protected final String getWarningMessage() {
        return m_warningMessage;
    }

    protected final void pushFlowVariableDouble(final String name, final double value) {
        m_pushedFlowVariables.put(name, value);
    }

    protected final void pushFlowVariableInt(final String name, final int value) {
        m_pushedFlowVariables.put(name, value);
    }

    protected final void pushFlowVariableString(final String name, final String value) {
        m_pushedFlowVariables.put(name, value);
    }

    protected final NodeLogger getLogger() {
        return m_logger;
    }
}
