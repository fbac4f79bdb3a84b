package io.github.sparselr.knime.node.logregpath;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The path node's dialog: target, features, penalty, the grid of C, the solver and the cross-validation. */
final class LogRegPathNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    LogRegPathNodeDialog() {
        final LogRegPathSettings s = new LogRegPathSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.target(), "Target column (classes)", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnFilter2(s.features(), 0));
        createNewGroup("Penalty");
        addDialogComponent(new DialogComponentStringSelection(s.penalty(), "penalty", LogRegPathSettings.PENALTIES));
        addDialogComponent(new DialogComponentNumberEdit(s.l1Ratio(), "l1_ratio (elasticnet only)"));
        closeCurrentGroup();
        createNewGroup("Values of C");
        addDialogComponent(new DialogComponentNumberEdit(s.cs(), "Cs (number of values)"));
        addDialogComponent(new DialogComponentStringSelection(s.cGrid(), "C_grid", LogRegPathSettings.GRIDS));
        addDialogComponent(new DialogComponentNumberEdit(s.cFactor(), "C_factor (automatic: largest / smallest C)"));
        addDialogComponent(new DialogComponentNumberEdit(s.cMin(), "C_min (range)"));
        addDialogComponent(new DialogComponentNumberEdit(s.cMax(), "C_max (range)"));
        closeCurrentGroup();
        createNewGroup("Solver");
        addDialogComponent(new DialogComponentStringSelection(s.solver(), "solver", LogRegPathSettings.SOLVERS));
        addDialogComponent(new DialogComponentNumberEdit(s.tol(), "tol"));
        addDialogComponent(new DialogComponentNumberEdit(s.maxIter(), "max_iter"));
        addDialogComponent(new DialogComponentBoolean(s.fitIntercept(), "fit_intercept"));
        closeCurrentGroup();
        createNewGroup("Cross-validation");
        addDialogComponent(new DialogComponentNumberEdit(s.cv(), "cv (folds; 0 = none)"));
        addDialogComponent(new DialogComponentStringSelection(s.selectionRule(), "selection_rule",
            LogRegPathSettings.RULES));
        addDialogComponent(new DialogComponentNumberEdit(s.randomState(), "random_state (seed)"));
        addDialogComponent(new DialogComponentNumberEdit(s.threads(), "threads (0 = all cores)"));
        closeCurrentGroup();
    }
}
