package io.github.sparselr.knime.standin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;

/**
 * Runs one node without KNIME: settings in and out, configure, execute, warnings, pushed flow
 * variables and progress, in the order KNIME calls a node model. Not part of KNIME's API; the shipped
 * plugin never references it.
 */
public final class HeadlessNode {

    private final NodeFactory<? extends NodeModel> m_factory;

    private final NodeModel m_model;

    private final ProgressRecorder m_progress = new ProgressRecorder();

    /** The output specs of the last configure that reached the model; null before. */
    private PortObjectSpec[] m_configuredSpecs;

    /** A warning the framework (KNIME's {@code Node}), not the model, put on the node; null if none. */
    private String m_nodeWarning;

    private HeadlessNode(final NodeFactory<? extends NodeModel> factory) {
        m_factory = factory;
        m_model = factory.createNodeModel();
    }

    /** A node with the model the factory creates, at default settings. */
    public static HeadlessNode of(final NodeFactory<? extends NodeModel> factory) {
        return new HeadlessNode(factory);
    }

    public NodeFactory<? extends NodeModel> factory() {
        return m_factory;
    }

    public NodeModel model() {
        return m_model;
    }

    /** The model's current settings, as KNIME saves them under {@code model}. */
    public NodeSettings saveSettings() {
        final NodeSettings settings = new NodeSettings("model");
        call("saveSettingsTo", new Class<?>[] {org.knime.core.node.NodeSettingsWO.class}, settings);
        return settings;
    }

    /**
     * Validates, then loads settings, and saves them again, as KNIME does when it loads a node from a
     * workflow ({@code FileNativeNodeContainerPersistor#loadNCAndWashModelSettings}: the "washed" settings
     * replace the loaded ones). Returns the washed settings. (Applying a dialog validates and loads only.)
     */
    public NodeSettings loadSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        callThrowingSettings("validateSettings", settings);
        callThrowingSettings("loadValidatedSettingsFrom", settings);
        return saveSettings();
    }

    /**
     * Configures the node as KNIME's {@code Node#configure} does: while a required input has no spec (null:
     * not connected, or the predecessor is not configured) the model is not called and this returns null;
     * otherwise the model's output specs (each null where not known before execution). The warning of an
     * earlier configure or execute is cleared first, as in KNIME's {@code NodeModel#configureModel}.
     */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        checkPortCount(inSpecs.length, "getNrInPorts");
        m_nodeWarning = null;
        m_configuredSpecs = null;
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] == null && !inPortType(i).isOptional()) {
                return null;
            }
        }
        try {
            m_configuredSpecs = (PortObjectSpec[]) StandinInternals.invoke(NodeModel.class, "configureModel",
                new Class<?>[] {PortObjectSpec[].class}, m_model, (Object) inSpecs.clone());
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return m_configuredSpecs.clone();
    }

    /**
     * The output specs of the last successful {@link #configure}, or null. Tests compare them with what
     * execute produced ({@link ConfigurePromise}).
     */
    public PortObjectSpec[] configuredSpecs() {
        return m_configuredSpecs == null ? null : m_configuredSpecs.clone();
    }

    /**
     * Resets, configures and executes the node as KNIME does; any failure of the model passes through.
     * The outputs are checked against the node's output port types. An output table whose columns differ
     * from what configure promised gets KNIME's warning, as in KNIME's {@code Node#execute} (names and
     * types compared by {@link DataTableSpec#isCompatibleWith}, domains ignored); tests that want the
     * stricter check call {@link ConfigurePromise#assertKept}.
     */
    public PortObject[] execute(final PortObject... inObjects) throws Exception {
        final PortObjectSpec[] specs = new PortObjectSpec[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            specs[i] = inObjects[i] == null ? null : inObjects[i].getSpec();
        }
        StandinInternals.invoke(NodeModel.class, "reset", new Class<?>[0], m_model);
        final PortObjectSpec[] configured = configure(specs);
        if (configured == null) {
            throw new IllegalStateException("KNIME does not execute a node whose required input has no data; "
                + "inputs given: " + java.util.Arrays.toString(inObjects) + ".");
        }
        final PortObject[] out = (PortObject[]) StandinInternals.invoke(NodeModel.class, "executeModel",
            new Class<?>[] {PortObject[].class, ExecutionContext.class}, m_model, inObjects.clone(),
            executionContext(m_progress));
        for (int i = 0; i < out.length; i++) {
            final PortType type = (PortType) StandinInternals.invoke(NodeModel.class, "getOutPortType",
                new Class<?>[] {int.class}, m_model, i);
            if (!type.acceptsPortObject(out[i])) {
                throw new IllegalStateException("Output " + i + " is " + out[i] + ", not a " + type + ".");
            }
            if (configured[i] instanceof DataTableSpec && out[i] instanceof BufferedDataTable
                && !((BufferedDataTable) out[i]).getDataTableSpec().isCompatibleWith((DataTableSpec) configured[i])) {
                m_nodeWarning = "DataSpec generated by configure does not match spec after execution.";
            }
        }
        return out;
    }

    /** The number of the model's input ports (data ports, without KNIME's flow-variable port). */
    public int inPortCount() {
        return (int) call("getNrInPorts", new Class<?>[0]);
    }

    /** The number of the model's output ports. */
    public int outPortCount() {
        return (int) call("getNrOutPorts", new Class<?>[0]);
    }

    /** Requests cancellation; the model's next {@code checkCanceled()} throws. */
    public void cancel() {
        m_progress.requestCancel();
    }

    public ProgressRecorder progress() {
        return m_progress;
    }

    /**
     * The warning KNIME shows on the node after the last configure or execute, or null: the model's own,
     * unless execute produced a table other than configure promised (KNIME's {@code Node#execute} then
     * replaces the node's message with its warning).
     */
    public String warningMessage() {
        return m_nodeWarning != null ? m_nodeWarning : (String) call("getWarningMessage", new Class<?>[0]);
    }

    /** Flow variables the model pushed, by name, in the order pushed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> pushedFlowVariables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) StandinInternals.read(
            NodeModel.class, "m_pushedFlowVariables", m_model)));
    }

    /** The node's dialog, loaded with the current settings for the given input specs. */
    public NodeDialogPane openDialog(final PortObjectSpec... inSpecs) throws Exception {
        final NodeDialogPane dialog = (NodeDialogPane) StandinInternals.invoke(NodeFactory.class,
            "createNodeDialogPane", new Class<?>[0], m_factory);
        StandinInternals.invoke(NodeDialogPane.class, "loadSettingsFrom",
            new Class<?>[] {NodeSettingsRO.class, PortObjectSpec[].class}, dialog, saveSettings(), inSpecs);
        return dialog;
    }

    /** What a dialog would save when the user presses OK. */
    public static NodeSettings saveDialog(final NodeDialogPane dialog) throws Exception {
        final NodeSettings settings = new NodeSettings("model");
        StandinInternals.invoke(NodeDialogPane.class, "saveSettingsTo",
            new Class<?>[] {org.knime.core.node.NodeSettingsWO.class}, dialog, settings);
        return settings;
    }

    /** A fresh execution context reporting to {@code progress}. */
    public static ExecutionContext executionContext(final ProgressRecorder progress) {
        return StandinInternals.construct(ExecutionContext.class,
            new Class<?>[] {ProgressRecorder.class, double.class, double.class, boolean.class}, progress, 0.0, 1.0,
            false);
    }

    /** A table of the given rows, built as a node would build it (domains computed). */
    public static BufferedDataTable table(final DataTableSpec spec, final List<? extends DataRow> rows) {
        final BufferedDataContainer container = executionContext(new ProgressRecorder()).createDataContainer(spec);
        rows.forEach(container::addRowToTable);
        container.close();
        return container.getTable();
    }

    /** Writes a port object with its serializer as KNIME saves a port, and reads it back. */
    public static <T extends PortObject> T roundTrip(final T portObject,
        final PortObject.PortObjectSerializer<T> serializer) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = StandinInternals.construct(PortObjectZipOutputStream.class,
            new Class<?>[] {OutputStream.class}, bytes)) {
            serializer.savePortObject(portObject, out, new ExecutionMonitor());
        } catch (org.knime.core.node.CanceledExecutionException e) {
            throw new IOException(e);
        }
        try (PortObjectZipInputStream in = StandinInternals.construct(PortObjectZipInputStream.class,
            new Class<?>[] {InputStream.class}, new ByteArrayInputStream(bytes.toByteArray()))) {
            return serializer.loadPortObject(in, portObject.getSpec(), new ExecutionMonitor());
        } catch (org.knime.core.node.CanceledExecutionException e) {
            throw new IOException(e);
        }
    }

    private PortType inPortType(final int index) {
        return (PortType) call("getInPortType", new Class<?>[] {int.class}, index);
    }

    private void checkPortCount(final int count, final String method) {
        final int expected = (int) call(method, new Class<?>[0]);  // getNrInPorts or getNrOutPorts
        if (count != expected) {
            throw new IllegalArgumentException(
                "The node has " + expected + " ports on that side, but " + count + " were given.");
        }
    }

    private Object call(final String method, final Class<?>[] types, final Object... args) {
        try {
            return StandinInternals.invoke(NodeModel.class, method, types, m_model, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void callThrowingSettings(final String method, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        try {
            StandinInternals.invoke(NodeModel.class, method, new Class<?>[] {NodeSettingsRO.class}, m_model,
                settings);
        } catch (InvalidSettingsException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
