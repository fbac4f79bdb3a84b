package io.github.sparselr.knime.standin;

import java.awt.Component;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.knime.core.node.defaultnodesettings.SettingsModel;

/**
 * The stand-in's dialog components show a label and the model's current value; they edit nothing
 * themselves (settings are changed through the models, as the headless harness does).
 */
public final class DialogWidgets {

    private DialogWidgets() {
    }

    public static void label(final JPanel panel, final String label, final SettingsModel model) {
        panel.add(new JLabel(label == null ? "" : label));
        panel.add(new JLabel(String.valueOf(model)));
    }

    public static void refresh(final JPanel panel, final SettingsModel model) {
        if (panel.getComponentCount() > 1 && panel.getComponent(1) instanceof JLabel) {
            ((JLabel) panel.getComponent(1)).setText(String.valueOf(model));
        }
    }

    public static void enable(final JPanel panel, final boolean enabled) {
        for (final Component c : panel.getComponents()) {
            c.setEnabled(enabled);
        }
    }
}
