package org.knime.core.node.defaultnodesettings;

import io.github.sparselr.knime.standin.DialogWidgets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME 5.1's {@code DialogComponentStringSelection}: one of a fixed list of strings. */
public final class DialogComponentStringSelection extends DialogComponent {

    private final List<String> m_items;

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list));
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list can't be null or empty");
        }
        m_items = List.copyOf(list);
        DialogWidgets.label(getComponentPanel(), label, stringModel);        // as KNIME's components: the component follows its model's value and enabled state
        getModel().prependChangeListener(e -> updateComponent());
    }

    @Override
    protected void updateComponent() {
        DialogWidgets.refresh(getComponentPanel(), getModel());
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        final String value = ((SettingsModelString) getModel()).getStringValue();
        if (!m_items.contains(value)) {
            throw new InvalidSettingsException("'" + value + "' is not one of " + m_items + ".");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // a fixed list needs no input
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
