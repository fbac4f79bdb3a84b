package io.github.sparselr.runner;

import java.util.function.Consumer;
import org.knime.core.node.NodeSettings;

/** The study's quality gate on a Scorer: fail below an accuracy of 0.80. */
final class WorkflowGate {

    static final Consumer<NodeSettings> GATE = s -> {
        s.addString("actual_column", "class");
        s.addString("predicted_column", "Prediction (class)");
        s.addBoolean("fail_below_accuracy", true);
        s.addDouble("min_accuracy", 0.8);
    };

    private WorkflowGate() {
    }
}
