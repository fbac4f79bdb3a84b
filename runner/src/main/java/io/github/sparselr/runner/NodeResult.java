package io.github.sparselr.runner;

import java.util.Map;
import org.knime.core.node.port.PortObject;

/**
 * How one node fared: its outputs (on success), its warning, what it pushed as flow variables, how
 * long it ran, and the error message if it failed.
 */
record NodeResult(WorkflowDefinition.Node node, PortObject[] outputs, String warning, Map<String, Object> flowVariables,
    double milliseconds, String error) {

    boolean succeeded() {
        return error == null;
    }
}
