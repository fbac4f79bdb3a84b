package io.github.sparselr.knime.node.predictor;

import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** The predictor's dialog. */
final class LogRegPredictorNodeDialog extends DefaultNodeSettingsPane {

    LogRegPredictorNodeDialog() {
        final LogRegPredictorSettings s = new LogRegPredictorSettings();
        addDialogComponent(new DialogComponentString(s.predictionColumn(),
            "Prediction column (empty: \"Prediction (target)\")"));
        addDialogComponent(new DialogComponentBoolean(s.appendProbabilities(),
            "Append one probability column per class (predict_proba)"));
    }
}
