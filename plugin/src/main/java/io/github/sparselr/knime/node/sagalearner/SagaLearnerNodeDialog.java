package io.github.sparselr.knime.node.sagalearner;

import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/** The learner's dialog: target, features, and scikit-learn's LogisticRegression parameters. */
final class SagaLearnerNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    SagaLearnerNodeDialog() {
        final SagaLearnerSettings s = new SagaLearnerSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.target(), "Target column (classes)", 0,
            StringValue.class));
        addDialogComponent(new DialogComponentColumnFilter2(s.features(), 0));
        createNewGroup("Regularization");
        addDialogComponent(new DialogComponentStringSelection(s.penalty(), "penalty",
            SagaLearnerSettings.PENALTIES));
        addDialogComponent(new DialogComponentNumberEdit(s.c(), "C (inverse strength)"));
        addDialogComponent(new DialogComponentNumberEdit(s.l1Ratio(), "l1_ratio (elasticnet only)"));
        closeCurrentGroup();
        createNewGroup("Solver");
        addDialogComponent(new DialogComponentNumberEdit(s.tol(), "tol"));
        addDialogComponent(new DialogComponentNumberEdit(s.maxIter(), "max_iter (epochs)"));
        addDialogComponent(new DialogComponentBoolean(s.fitIntercept(), "fit_intercept"));
        addDialogComponent(new DialogComponentNumberEdit(s.randomState(), "random_state (seed)"));
        closeCurrentGroup();
    }
}
