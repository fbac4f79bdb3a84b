package io.github.sparselr.runner;

import java.util.List;
import java.util.Map;
import org.knime.core.node.port.PortObject;

/**
 * How one node fared: its outputs (on success), its warning, what it pushed as flow variables, how
 * long it ran, the error message if it failed, and its output ports' names as its description gives
 * them (KNIME's {@code NodeFactory#getOutportName}; an entry is null where the description names none).
 */
record NodeResult(WorkflowDefinition.Node node, PortObject[] outputs, String warning, Map<String, Object> flowVariables,
    double milliseconds, String error, List<String> outPortNames) {

    boolean succeeded() {
        return error == null;
    }
}
