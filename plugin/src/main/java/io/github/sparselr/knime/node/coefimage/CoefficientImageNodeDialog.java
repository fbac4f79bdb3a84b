package io.github.sparselr.knime.node.coefimage;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** The viewer's dialog. */
final class CoefficientImageNodeDialog extends DefaultNodeSettingsPane {

    CoefficientImageNodeDialog() {
        final CoefficientImageSettings s = new CoefficientImageSettings();
        addDialogComponent(new DialogComponentNumberEdit(s.width(), "Image width (weights)"));
        addDialogComponent(new DialogComponentNumberEdit(s.height(), "Image height (weights)"));
        addDialogComponent(new DialogComponentNumberEdit(s.columns(), "Grid columns"));
        addDialogComponent(new DialogComponentNumberEdit(s.scale(), "Pixels per weight"));
        addDialogComponent(new DialogComponentString(s.title(), "Title"));
    }
}
