package io.github.sparselr.knime.node;

import java.io.File;
import java.io.IOException;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortType;

/**
 * The common part of sparselr's node models: settings come from one {@link NodeSettingsGroup}, and
 * nothing is kept between executions (the results live in the output ports). A node that keeps state
 * for a view overrides {@link #reset}, {@link #saveInternals} and {@link #loadInternals}.
 */
public abstract class SparselrNodeModel extends NodeModel {

    private final NodeSettingsGroup m_settingsGroup;

    protected SparselrNodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes,
        final NodeSettingsGroup settings) {
        super(inPortTypes, outPortTypes);
        m_settingsGroup = settings;
    }

    /** A node whose ports are all data tables. */
    protected SparselrNodeModel(final int nrInDataPorts, final int nrOutDataPorts, final NodeSettingsGroup settings) {
        super(nrInDataPorts, nrOutDataPorts);
        m_settingsGroup = settings;
    }

    @Override
    protected final void saveSettingsTo(final NodeSettingsWO settings) {
        m_settingsGroup.saveSettingsTo(settings);
    }

    @Override
    protected final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        // KNIME validates before every load (workflow load, dialog apply, batch -option), and so does
        // the headless runner (HeadlessNode#loadSettings): NaN and ±∞ stop here for every node
        m_settingsGroup.validateSettings(settings);
    }

    @Override
    protected final void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settingsGroup.loadValidatedSettingsFrom(settings);
    }

    @Override
    protected void reset() {
        // no state beyond the settings
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // nothing is kept between executions
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        // nothing is kept between executions
    }
}
