package org.knime.core.node.defaultnodesettings;

import io.github.sparselr.knime.standin.DialogWidgets;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME 5.1's {@code DialogComponentNumber}: a labelled editor bound directly to its model. */
public class DialogComponentNumber extends DialogComponent {

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        super(numberModel);
        DialogWidgets.label(getComponentPanel(), label, numberModel);        // as KNIME's components: the component follows its model's value and enabled state
        getModel().prependChangeListener(e -> updateComponent());
    }

    @Override
    protected void updateComponent() {
        DialogWidgets.refresh(getComponentPanel(), getModel());
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the editor writes through to the model; nothing is pending
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // every input is acceptable
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
