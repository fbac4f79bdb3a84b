package io.github.sparselr.knime.node.scorer;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** The scorer's dialog. */
final class ScorerNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    ScorerNodeDialog() {
        final ScorerSettings s = new ScorerSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.actual(), "Actual class column", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.predicted(), "Predicted class column", 0,
            StringValue.class));
        // KNIME's Scorer: "Use name prefix", so that two Scorers in one branch do not overwrite each other's variables
        addDialogComponent(new DialogComponentString(s.flowVariablePrefix(), "Prefix of flow variables"));
        createNewGroup("Quality gate");
        addDialogComponent(new DialogComponentBoolean(s.failBelow(), "Fail when the accuracy is below"));
        addDialogComponent(new DialogComponentNumberEdit(s.minAccuracy(), "Minimum accuracy"));
        closeCurrentGroup();
    }
}
