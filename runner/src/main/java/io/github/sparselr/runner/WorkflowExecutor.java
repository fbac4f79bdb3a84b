package io.github.sparselr.runner;

import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.ProgressRecorder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;

/**
 * Runs a workflow's nodes through the stand-in in connection order: loads each factory by class name,
 * validates and loads its settings, then configures and executes it with its predecessors' outputs.
 * Stops at the first failing node.
 */
final class WorkflowExecutor {

    /** One {@code -option}: node id, setting path, value, type. */
    record Option(int nodeId, String path, String value, String type) {
    }

    /** The launcher's environment variable for the runner's heap (its -Xmx value); see ./sparselr. */
    static final String HEAP_VARIABLE = "SPARSELR_HEAP";

    private final WorkflowDefinition workflow;
    private final Map<Integer, HeadlessNode> nodes = new LinkedHashMap<>();
    private final List<WorkflowDefinition.Node> order;

    /**
     * Prepares every node: the load errors (KNIME's exit code 3) are all found here, before anything runs.
     *
     * @param variables workflow variables given on the command line; they override the workflow's own
     */
    WorkflowExecutor(final WorkflowDefinition workflow, final List<Option> options, final Map<String, String> variables)
        throws WorkflowLoadException {
        this.workflow = workflow;
        final Map<String, WorkflowDefinition.Variable> merged = new LinkedHashMap<>(workflow.variables());
        for (final Map.Entry<String, String> v : variables.entrySet()) {
            final WorkflowDefinition.Variable existing = merged.get(v.getKey());
            merged.put(v.getKey(), new WorkflowDefinition.Variable(v.getKey(),
                existing == null ? "STRING" : existing.type(), v.getValue()));
        }
        for (final Option option : options) {
            final WorkflowDefinition.Node node = workflow.node(option.nodeId());
            if (node == null) {
                throw new WorkflowLoadException("-option names node #" + option.nodeId() + ", but the workflow has nodes "
                    + workflow.nodes().stream().map(n -> "#" + n.id()).toList() + ".");
            }
            SettingOverrides.set(node.model(), option.path(), option.value(), option.type(), "Node " + node.label());
        }
        for (final WorkflowDefinition.Node node : workflow.nodes()) {
            for (final Map.Entry<String, String> binding : node.variableBindings().entrySet()) {
                final WorkflowDefinition.Variable v = merged.get(binding.getValue());
                if (v == null) {
                    throw new WorkflowLoadException("Node " + node.label() + " takes setting '" + binding.getKey()
                        + "' from the workflow variable '" + binding.getValue() + "', which is not defined; define it "
                        + "with -workflow.variable=" + binding.getValue() + ",VALUE,TYPE.");
                }
                SettingOverrides.set(node.model(), binding.getKey(), v.value(),
                    v.type().equals("INTEGER") ? "int" : v.type().equals("DOUBLE") ? "double" : "String",
                    "Node " + node.label());
            }
            final NodeFactory<? extends NodeModel> factory = factory(node);
            final HeadlessNode headless;
            try {
                headless = HeadlessNode.of(factory);
            } catch (RuntimeException | LinkageError e) {
                throw new WorkflowLoadException("Node " + node.label() + ": its node model cannot be created: " + e, e);
            }
            try {
                headless.loadSettings(node.model());
            } catch (InvalidSettingsException | RuntimeException e) {
                throw new WorkflowLoadException("Node " + node.label() + " rejects its settings: " + messageOf(e), e);
            }
            nodes.put(node.id(), headless);
        }
        this.order = topologicalOrder();
        checkPorts();
        for (final WorkflowDefinition.Node node : workflow.nodes()) {
            for (int port = 1; port <= nodes.get(node.id()).inPortCount(); port++) {
                final int p = port;
                if (workflow.connections().stream().noneMatch(c -> c.destId() == node.id() && c.destPort() == p)) {
                    throw new WorkflowLoadException("Input " + port + " of node " + node.label() + " is not connected; "
                        + "connect it (workflow port " + port + ", after the flow-variable port 0).");
                }
            }
        }
    }

    /**
     * Every connection joins an output the source node has to an input the destination node has, and
     * each input takes one connection, as KNIME's {@code WorkflowManager#canAddConnection} requires.
     * Port 0 is the flow-variable port (ordering only).
     */
    private void checkPorts() throws WorkflowLoadException {
        final Map<List<Integer>, WorkflowDefinition.Connection> intoPort = new HashMap<>();
        for (final WorkflowDefinition.Connection c : workflow.connections()) {
            final WorkflowDefinition.Node source = workflow.node(c.sourceId());
            final WorkflowDefinition.Node dest = workflow.node(c.destId());
            final int outputs = nodes.get(c.sourceId()).outPortCount();
            final int inputs = nodes.get(c.destId()).inPortCount();
            if (c.sourcePort() < 0 || c.sourcePort() > outputs) {
                throw new WorkflowLoadException(describe(c) + " starts at output port " + c.sourcePort() + ", but "
                    + source.label() + " has output ports 1 to " + outputs + " (and the flow-variable port 0). Fix "
                    + "the connection in workflow.knime, or draw it again in KNIME.");
            }
            if (c.destPort() < 0 || c.destPort() > inputs) {
                throw new WorkflowLoadException(describe(c) + " ends at input port " + c.destPort() + ", but "
                    + dest.label() + " has input ports 1 to " + inputs + " (and the flow-variable port 0). Fix the "
                    + "connection in workflow.knime, or draw it again in KNIME.");
            }
            if (c.destPort() > 0) {
                final WorkflowDefinition.Connection other = intoPort.putIfAbsent(List.of(c.destId(), c.destPort()), c);
                if (other != null) {
                    throw new WorkflowLoadException("input port " + c.destPort() + " of " + dest.label() + " has two "
                        + "connections: " + describe(other) + " and " + describe(c) + "; an input takes one "
                        + "connection, as in KNIME. Remove one from workflow.knime.");
                }
            }
        }
    }

    /** A connection as a user finds it in workflow.knime (workflow port numbers, flow-variable port 0). */
    private String describe(final WorkflowDefinition.Connection c) {
        return "the connection from " + workflow.node(c.sourceId()).label() + " port " + c.sourcePort() + " to "
            + workflow.node(c.destId()).label() + " port " + c.destPort();
    }

    @SuppressWarnings("unchecked")
    private static NodeFactory<? extends NodeModel> factory(final WorkflowDefinition.Node node)
        throws WorkflowLoadException {
        try {
            // not initialised before it is known to be a node factory: a workflow file names the class
            final Class<?> c = Class.forName(node.factory(), false, WorkflowExecutor.class.getClassLoader());
            if (!NodeFactory.class.isAssignableFrom(c)) {
                throw new WorkflowLoadException("Node " + node.label() + " names '" + node.factory()
                    + "' as its factory, which is not a KNIME node factory.");
            }
            return (NodeFactory<? extends NodeModel>) c.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new WorkflowLoadException("Node " + node.label() + " needs the unknown node factory '" + node.factory()
                + "'; the runner knows the sparselr nodes only.", e);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new WorkflowLoadException("Node " + node.label() + ": its factory cannot be created: " + e, e);
        }
    }

    private List<WorkflowDefinition.Node> topologicalOrder() throws WorkflowLoadException {
        final Map<Integer, Integer> incoming = new HashMap<>();
        for (final WorkflowDefinition.Node n : workflow.nodes()) {
            incoming.put(n.id(), 0);
        }
        for (final WorkflowDefinition.Connection c : workflow.connections()) {
            if (!incoming.containsKey(c.sourceId()) || !incoming.containsKey(c.destId())) {
                throw new WorkflowLoadException("A connection joins node #" + c.sourceId() + " to node #" + c.destId()
                    + ", but the workflow has no such node.");
            }
            incoming.merge(c.destId(), 1, Integer::sum);
        }
        final Deque<WorkflowDefinition.Node> ready = new ArrayDeque<>();
        workflow.nodes().stream().filter(n -> incoming.get(n.id()) == 0).forEach(ready::add);
        final List<WorkflowDefinition.Node> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            final WorkflowDefinition.Node n = ready.poll();
            sorted.add(n);
            for (final WorkflowDefinition.Connection c : workflow.connections()) {
                if (c.sourceId() == n.id() && incoming.merge(c.destId(), -1, Integer::sum) == 0) {
                    ready.add(workflow.node(c.destId()));
                }
            }
        }
        if (sorted.size() != workflow.nodes().size()) {
            final List<String> cycle = workflow.nodes().stream().filter(n -> !sorted.contains(n))
                .map(WorkflowDefinition.Node::label).toList();
            throw new WorkflowLoadException("The connections form a cycle through " + cycle + "; a workflow must not "
                + "feed a node's output back into itself.");
        }
        return sorted;
    }

    /**
     * Executes the nodes in order; stops at the first failure.
     *
     * @param progress receives each node and each of its progress reports
     */
    List<NodeResult> execute(final BiConsumer<WorkflowDefinition.Node, ProgressRecorder.Report> progress) {
        final Map<Integer, PortObject[]> outputs = new HashMap<>();
        final List<NodeResult> results = new ArrayList<>();
        for (final WorkflowDefinition.Node node : order) {
            final HeadlessNode headless = nodes.get(node.id());
            headless.progress().onReport(report -> progress.accept(node, report));
            final long start = System.nanoTime();
            try {
                final PortObject[] inputs = inputs(node, headless.inPortCount(), outputs);
                final PortObject[] out = headless.execute(inputs);
                outputs.put(node.id(), out);
                progress.accept(node, new ProgressRecorder.Report(1.0, "done"));
                results.add(new NodeResult(node, out, headless.warningMessage(), headless.pushedFlowVariables(),
                    (System.nanoTime() - start) / 1e6, null, outPortNames(headless)));
            } catch (Throwable e) { // NOPMD: a node's Error (e.g. ExceptionInInitializerError) fails that node only
                final String message = messageOf(e);
                progress.accept(node, new ProgressRecorder.Report(Double.NaN, "failed"));
                results.add(new NodeResult(node, null, headless.warningMessage(), Map.of(),
                    (System.nanoTime() - start) / 1e6, message, outPortNames(headless)));
                break;
            }
        }
        return results;
    }

    /** The output ports' names from the node's description, as KNIME's node repository shows them. */
    private static List<String> outPortNames(final HeadlessNode node) {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < node.outPortCount(); i++) {
            names.add(node.factory().getOutportName(i));
        }
        return Collections.unmodifiableList(names);
    }

    /** The message a user sees for a failure; running out of memory says how to give the runner more. */
    static String messageOf(final Throwable thrown) {
        // an ExceptionInInitializerError or InvocationTargetException carries its reason as its cause
        Throwable e = thrown;
        while (e.getMessage() == null && e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        final String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return message + " (the runner may use at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB; give it more with the environment variable " + HEAP_VARIABLE + ", e.g. " + HEAP_VARIABLE
                + "=8g ./sparselr ...)";
        }
        return message;
    }

    private PortObject[] inputs(final WorkflowDefinition.Node node, final int count,
        final Map<Integer, PortObject[]> outputs) throws WorkflowLoadException {
        final PortObject[] in = new PortObject[count];
        for (int port = 0; port < count; port++) {
            WorkflowDefinition.Connection from = null;
            for (final WorkflowDefinition.Connection c : workflow.connections()) {
                // workflow port numbers count KNIME's flow-variable port 0: data port p is p + 1
                if (c.destId() == node.id() && c.destPort() == port + 1) {
                    from = c;
                }
            }
            if (from == null) {
                throw new WorkflowLoadException("Input " + (port + 1) + " of node " + node.label() + " is not connected.");
            }
            final PortObject[] source = outputs.get(from.sourceId());
            if (source == null || from.sourcePort() < 1 || from.sourcePort() > source.length) {
                throw new WorkflowLoadException("Node " + node.label() + " is connected to output " + from.sourcePort()
                    + " of node #" + from.sourceId() + ", which has no such output.");
            }
            in[port] = source[from.sourcePort() - 1];
        }
        return in;
    }
}
