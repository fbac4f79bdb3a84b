package io.github.sparselr.knime.node.scaler;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;

/** The Standard Scaler's dialog: the columns to scale and scikit-learn's two switches. */
final class StandardScalerNodeDialog extends DefaultNodeSettingsPane {

    StandardScalerNodeDialog() {
        final StandardScalerSettings settings = new StandardScalerSettings();
        addDialogComponent(new DialogComponentColumnFilter2(settings.columns(), 0));
        addDialogComponent(new DialogComponentBoolean(settings.withMean(), "Center (with_mean: subtract the mean)"));
        addDialogComponent(new DialogComponentBoolean(settings.withStd(),
            "Scale (with_std: divide by the standard deviation)"));
    }
}
