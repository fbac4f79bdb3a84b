package io.github.sparselr.knime.node.logregpath;

import org.knime.core.data.StringValue;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The path node's dialog: target, features, penalty, the grid of C, the solver and the cross-validation.
 * The grid's bounds are enabled by the grid's choice, as KNIME's dialogs do it (through the settings
 * models, e.g. {@code SettingsModel#setEnabled}): C_factor for the automatic grid, C_min and C_max for a
 * range.
 */
final class LogRegPathNodeDialog extends DefaultNodeSettingsPane {

    private final LogRegPathSettings m_settings = new LogRegPathSettings();

    @SuppressWarnings("unchecked")
    LogRegPathNodeDialog() {
        final LogRegPathSettings s = m_settings;
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
        addDialogComponent(new DialogComponentNumberEdit(s.threads(), "threads for the folds (0 = all cores; at most cv + 1 are used)"));
        closeCurrentGroup();
        s.cGrid().addChangeListener(e -> enableByGrid());
        enableByGrid();
    }

    /** After loading: the loaded enabled states are the saved ones, which the grid's choice decides. */
    @Override
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        enableByGrid();
    }

    /** The settings models the dialog's components edit (for tests, as a user's choice in the dialog). */
    LogRegPathSettings settings() {
        return m_settings;
    }

    private void enableByGrid() {
        final boolean automatic = LogRegPathSettings.GRID_AUTOMATIC.equals(m_settings.cGrid().getStringValue());
        m_settings.cFactor().setEnabled(automatic);
        m_settings.cMin().setEnabled(!automatic);
        m_settings.cMax().setEnabled(!automatic);
    }
}
