package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.config.Config;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Stand-in for KNIME 5.1's {@code SettingsModel}: one setting, persisted as KNIME writes it — the value
 * under the config name plus a sub-config {@code <name>_Internals} with {@code SettingsModelID} and
 * {@code EnabledStatus}. A missing {@code _Internals} is tolerated on load, as in KNIME.
 */
public abstract class SettingsModel {

    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLESTAT = "EnabledStatus";

    private boolean m_enabled = true;

    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    public SettingsModel() {
    }

    @SuppressWarnings("unchecked")
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        final SettingsModel result = createClone();
        result.readEnableStatusAndCheckModelID(settings);
        result.loadSettingsForModel(settings);
        return (T) result;
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException;

    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        final ChangeEvent event = new ChangeEvent(this);
        for (final ChangeListener l : m_listeners) {
            l.stateChanged(event);
        }
    }

    public void setEnabled(final boolean enabled) {
        final boolean changed = m_enabled != enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        final boolean oldEnabled = m_enabled;
        readEnableStatusAndCheckModelID(settings);
        final boolean settingsEnabled = m_enabled;
        m_enabled = oldEnabled;
        if (settingsEnabled) {
            validateSettingsForModel(settings);
        }
    }

    protected abstract void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        readEnableStatusAndCheckModelID(settings);
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    protected abstract void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException;

    /**
     * As KNIME's: a dialog loads the enabled state with the value, without notifying, and loads the value
     * even of a disabled model.
     */
    final void dlgLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            readEnableStatusAndCheckModelID(settings);
        } catch (InvalidSettingsException ise) {
            // as KNIME: anything loads (empty settings too), and the enabled state stays as it was
        }
        loadSettingsForDialog(settings, specs);
    }

    /** As KNIME's: the enabled state with the value; a disabled model may hold a value that does not save. */
    final void dlgSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveEnableStatusAndModelID(settings);
        try {
            saveSettingsForDialog(settings);
        } catch (InvalidSettingsException ise) {
            if (m_enabled) {
                throw ise;
            }
        }
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveSettingsForModel(settings);
        saveEnableStatusAndModelID(settings);
    }

    private void saveEnableStatusAndModelID(final NodeSettingsWO settings) {
        final NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLESTAT, m_enabled);
    }

    protected abstract void saveSettingsForModel(final NodeSettingsWO settings);

    @Override
    public abstract String toString();

    private void readEnableStatusAndCheckModelID(final NodeSettingsRO settings) throws InvalidSettingsException {
        if (!settings.containsKey(getConfigName() + CFGKEY_INTERNAL)) {
            return; // KNIME ignores a missing internals config for backward compatibility
        }
        final Config internals = settings.getConfig(getConfigName() + CFGKEY_INTERNAL);
        final String id = internals.getString(CFGKEY_MODELID);
        m_enabled = internals.getBoolean(CFGKEY_ENABLESTAT);
        // KNIME's SettingsModel#readEnableStatusAndCheckModelID only asserts the ID: KNIME runs without -ea,
        // so a value written by another kind of model loads if its entry reads as this model's type
        assert getModelTypeID().equals(id) : "Incorrect Implementation:The SettingsModel used to write the values is"
            + " different from the one that reads them. (WriteID = " + id + ", ReadID = " + getModelTypeID()
            + ", Reading settings model: " + this + ")";
    }
}
