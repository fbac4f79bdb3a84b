package io.github.sparselr.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * Reads a workflow folder in KNIME's on-disk format (knime-api.md §4): {@code workflow.knime} and one
 * {@code Name (#id)/settings.xml} per node, all KNIME XMLConfig documents, parsed with DOCTYPEs and
 * external entities refused.
 */
final class WorkflowReader {

    /** The load versions KNIME 5.1+ reads without asking (LoadVersion V4010, V5100). */
    static final Set<String> KNOWN_VERSIONS = Set.of("4.1.0", "5.1.0");

    private WorkflowReader() {
    }

    static WorkflowDefinition read(final Path dir) throws WorkflowLoadException {
        final Path file = dir.resolve("workflow.knime");
        if (!Files.isRegularFile(file)) {
            throw new WorkflowLoadException("'" + dir + "' is not a workflow folder: it has no workflow.knime.");
        }
        try {
            final NodeSettingsRO workflow = load(file);
            final String version = workflow.getString("version", null);
            if (!KNOWN_VERSIONS.contains(version)) {
                throw new WorkflowLoadException("workflow.knime has version '" + version + "'; KNIME 5.1 loads "
                    + KNOWN_VERSIONS + " without asking. Write version 5.1.0.");
            }
            final List<WorkflowDefinition.Node> nodes = new ArrayList<>();
            final NodeSettingsRO nodesConfig = workflow.getNodeSettings("nodes");
            for (final String key : nodesConfig.keySet()) {
                nodes.add(node(dir, nodesConfig.getNodeSettings(key)));
            }
            final List<WorkflowDefinition.Connection> connections = new ArrayList<>();
            if (workflow.containsKey("connections")) {
                final NodeSettingsRO all = workflow.getNodeSettings("connections");
                for (final String key : all.keySet()) {
                    final NodeSettingsRO c = all.getNodeSettings(key);
                    connections.add(new WorkflowDefinition.Connection(c.getInt("sourceID"), c.getInt("sourcePort"),
                        c.getInt("destID"), c.getInt("destPort")));
                }
            }
            final Map<String, WorkflowDefinition.Variable> variables = new LinkedHashMap<>();
            if (workflow.containsKey("workflow_variables")) {
                final NodeSettingsRO all = workflow.getNodeSettings("workflow_variables");
                for (final String key : all.keySet()) {
                    final NodeSettingsRO v = all.getNodeSettings(key);
                    final String type = v.getString("class");
                    final String value = switch (type) {
                        case "STRING" -> v.getString("value");
                        case "INTEGER" -> Integer.toString(v.getInt("value"));
                        case "DOUBLE" -> Double.toString(v.getDouble("value"));
                        default -> throw new WorkflowLoadException("Workflow variable '" + v.getString("name")
                            + "' has type " + type + "; the runner supports STRING, INTEGER and DOUBLE.");
                    };
                    variables.put(v.getString("name"), new WorkflowDefinition.Variable(v.getString("name"), type, value));
                }
            }
            return new WorkflowDefinition(dir, version, nodes, connections, variables);
        } catch (InvalidSettingsException e) {
            throw new WorkflowLoadException("workflow.knime is incomplete: " + e.getMessage(), e);
        }
    }

    private static WorkflowDefinition.Node node(final Path dir, final NodeSettingsRO entry)
        throws InvalidSettingsException, WorkflowLoadException {
        final int id = entry.getInt("id");
        final String settingsFile = entry.getString("node_settings_file");
        if (!"NativeNode".equals(entry.getString("node_type", "NativeNode"))) {
            throw new WorkflowLoadException("Node #" + id + " is a " + entry.getString("node_type")
                + "; the runner executes native nodes only (no metanodes or components).");
        }
        final Path file = dir.resolve(settingsFile);
        final NodeSettingsRO settings;
        try {
            settings = load(file);
        } catch (WorkflowLoadException e) {
            throw new WorkflowLoadException("Node #" + id + ": " + e.getMessage(), e.getCause());
        }
        final String factory = settings.getString("factory");
        final String name = settings.getString("node-name", settingsFile.replaceFirst(" \\(#\\d+\\)/.*", ""));
        final NodeSettings model = new NodeSettings("model");
        if (settings.containsKey("model")) {
            settings.getNodeSettings("model").copyTo(model);
        }
        final Map<String, String> bindings = new LinkedHashMap<>();
        if (settings.containsKey("variables")) {
            final NodeSettingsRO variables = settings.getNodeSettings("variables");
            final NodeSettingsRO tree = variables.containsKey("tree") ? variables.getNodeSettings("tree") : variables;
            collectBindings(tree, "", bindings);
        }
        return new WorkflowDefinition.Node(id, settingsFile, factory, name, model, bindings);
    }

    /** ConfigEditTreeModel's form: a config per setting with used_variable (and exposed_variable). */
    private static void collectBindings(final NodeSettingsRO tree, final String prefix, final Map<String, String> out)
        throws InvalidSettingsException {
        for (final String key : tree.keySet()) {
            if (key.equals("version")) {
                continue;
            }
            final NodeSettingsRO sub = tree.getNodeSettings(key);
            if (sub.containsKey("used_variable")) {
                final String used = sub.getString("used_variable");
                if (used != null && !used.isEmpty()) {
                    out.put(prefix + key, used);
                }
            } else {
                collectBindings(sub, prefix + key + "/", out);
            }
        }
    }

    private static NodeSettingsRO load(final Path file) throws WorkflowLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            return NodeSettings.loadFromXML(in);
        } catch (NoSuchFileException e) {
            throw new WorkflowLoadException("the settings file '" + file + "' is missing; restore the node's folder "
                + "or remove the node from workflow.knime.", e);
        } catch (IOException e) {
            throw new WorkflowLoadException("cannot read '" + file + "': " + e.getMessage(), e);
        }
    }
}
