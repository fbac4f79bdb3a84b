package io.github.sparselr.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knime.core.node.NodeSettings;

/**
 * A workflow as KNIME stores it: its nodes (each with factory, name and model settings), the
 * connections between their ports (workflow port numbers: port 0 of a native node is the implicit
 * flow-variable port, so data port p is p + 1), and the workflow variables.
 */
record WorkflowDefinition(Path dir, String version, List<Node> nodes, List<Connection> connections,
    Map<String, Variable> variables) {

    /** One node: {@code model} holds its settings, {@code variableBindings} maps setting paths to variables. */
    record Node(int id, String folder, String factory, String name, NodeSettings model,
        Map<String, String> variableBindings) {

        /** As KNIME shows it: "Name (#id)". */
        String label() {
            return name + " (#" + id + ")";
        }
    }

    /** A connection from a source node's output port to a destination node's input port. */
    record Connection(int sourceId, int sourcePort, int destId, int destPort) {
    }

    /** A workflow variable: type STRING, INTEGER or DOUBLE, as KNIME's FlowVariable saves it. */
    record Variable(String name, String type, String value) {
    }

    Node node(final int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst().orElse(null);
    }
}
