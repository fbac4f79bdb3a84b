package org.knime.core.node.defaultnodesettings;

import io.github.sparselr.knime.standin.DialogWidgets;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME 5.1's {@code DialogComponentColumnNameSelection}: one column of an input table. */
public class DialogComponentColumnNameSelection extends DialogComponent {

    private final int m_specIndex;

    private final Class<? extends DataValue>[] m_classFilter;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        super(model);
        m_specIndex = specIndex;
        m_classFilter = classFilter.clone();
        DialogWidgets.label(getComponentPanel(), label, model);        // as KNIME's components: the component follows its model's value and enabled state
        getModel().prependChangeListener(e -> updateComponent());
    }

    @Override
    protected void updateComponent() {
        DialogWidgets.refresh(getComponentPanel(), getModel());
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex || !(specs[m_specIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("Need a table at input port " + m_specIndex + ".");
        }
        for (final DataColumnSpec column : (DataTableSpec) specs[m_specIndex]) {
            for (final Class<? extends DataValue> c : m_classFilter) {
                if (column.getType().isCompatible(c)) {
                    return;
                }
            }
        }
        throw new NotConfigurableException("No column in the input table is compatible with the required types.");
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (((SettingsModelString) getModel()).getStringValue() == null) {
            throw new InvalidSettingsException("Please select an item from the list.");
        }
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        DialogWidgets.enable(getComponentPanel(), enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        getComponentPanel().setToolTipText(text);
    }
}
