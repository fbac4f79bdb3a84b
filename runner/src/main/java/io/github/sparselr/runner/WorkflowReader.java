package io.github.sparselr.runner;

import java.io.ByteArrayInputStream;
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
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;

/**
 * Reads a workflow folder in KNIME's on-disk format: {@code workflow.knime} and one
 * {@code Name (#id)/settings.xml} per node, all KNIME XMLConfig documents, parsed with DOCTYPEs and
 * external entities refused. Every file it reads lies inside the workflow folder; files larger than
 * {@link #MAX_FILE_BYTES} or nested deeper than {@link #MAX_DEPTH} are refused before they are parsed.
 */
final class WorkflowReader {

    /** The load versions KNIME 5.1+ reads without asking (LoadVersion V4010, V5100). */
    static final Set<String> KNOWN_VERSIONS = Set.of("4.1.0", "5.1.0");

    /** The largest workflow.knime or settings.xml read; KNIME writes a few kilobytes per node. */
    static final long MAX_FILE_BYTES = 16L << 20;

    /** The deepest element nesting read; KNIME's settings nest a handful of levels. */
    static final int MAX_DEPTH = 100;

    private WorkflowReader() {
    }

    static WorkflowDefinition read(final Path dir) throws WorkflowLoadException {
        try {
            return readChecked(dir);
        } catch (RuntimeException | StackOverflowError e) {
            // a last net under the checks above: a malformed file is a load error, never a stack trace
            throw new WorkflowLoadException("a file of the workflow " + dir.toAbsolutePath().normalize()
                + " is malformed (" + e + "); restore it, or save the workflow again in KNIME.", e);
        }
    }

    private static WorkflowDefinition readChecked(final Path dir) throws WorkflowLoadException {
        final Path folder = dir.toAbsolutePath().normalize();
        final Path file = folder.resolve("workflow.knime");
        if (!Files.isRegularFile(file)) {
            throw new WorkflowLoadException("'" + folder + "' is not a workflow folder: it has no workflow.knime.");
        }
        final NodeSettingsRO workflow = load(file);
        try {
            final String version = workflow.getString("version", null);
            if (version == null || !KNOWN_VERSIONS.contains(version)) {
                throw new WorkflowLoadException(file + " has version '" + version + "'; KNIME 5.1 loads "
                    + KNOWN_VERSIONS + " without asking. Write version 5.1.0.");
            }
            final List<WorkflowDefinition.Node> nodes = new ArrayList<>();
            final NodeSettingsRO nodesConfig = workflow.getNodeSettings("nodes");
            final Map<Integer, String> keyOfId = new LinkedHashMap<>();
            for (final String key : nodesConfig.keySet()) {
                final int id = nodesConfig.getNodeSettings(key).getInt("id");
                final String first = keyOfId.putIfAbsent(id, key);
                if (first != null) {
                    // KNIME's WorkflowManager gives every node its own id; a second one would take the first's place
                    throw new WorkflowLoadException(file + ": node id " + id + " is used twice (" + first + ", " + key
                        + "); every node needs its own id. Restore the file, or save the workflow again in KNIME.");
                }
                nodes.add(node(folder, file, key, nodesConfig.getNodeSettings(key)));
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
                    final String name = required(v, "name", file, "workflow_variables/" + key);
                    final String type = required(v, "class", file, "workflow_variables/" + key);
                    final String value = switch (type) {
                        case "STRING" -> required(v, "value", file, "workflow_variables/" + key);
                        case "INTEGER" -> Integer.toString(v.getInt("value"));
                        case "DOUBLE" -> Double.toString(v.getDouble("value"));
                        default -> throw new WorkflowLoadException(file + ": workflow variable '" + name
                            + "' has type " + type + "; the runner supports STRING, INTEGER and DOUBLE.");
                    };
                    variables.put(name, new WorkflowDefinition.Variable(name, type, value));
                }
            }
            return new WorkflowDefinition(folder, version, nodes, connections, variables);
        } catch (InvalidSettingsException e) {
            throw new WorkflowLoadException(file + " is incomplete: " + e.getMessage() + " Restore the workflow "
                + "folder, or save the workflow again in KNIME.", e);
        }
    }

    private static WorkflowDefinition.Node node(final Path dir, final Path workflowFile, final String key,
        final NodeSettingsRO entry) throws InvalidSettingsException, WorkflowLoadException {
        final int id = entry.getInt("id");
        final String settingsFile = required(entry, "node_settings_file", workflowFile, "nodes/" + key);
        if (!"NativeNode".equals(entry.getString("node_type", "NativeNode"))) {
            throw new WorkflowLoadException("Node #" + id + " is a " + entry.getString("node_type")
                + "; the runner executes native nodes only (no metanodes or components).");
        }
        final Path file = inside(dir, settingsFile, workflowFile, "nodes/" + key + "/node_settings_file");
        final NodeSettingsRO settings;
        try {
            settings = load(file);
        } catch (WorkflowLoadException e) {
            throw new WorkflowLoadException("Node #" + id + ": " + e.getMessage(), e.getCause());
        }
        try {
            final String factory = required(settings, "factory", file, "factory");
            final String name = settings.getString("node-name", null) != null ? settings.getString("node-name", null)
                : settingsFile.replaceFirst(" \\(#\\d+\\)/.*", "");
            final NodeSettings model = new NodeSettings("model");
            if (settings.containsKey("model")) {
                settings.getNodeSettings("model").copyTo(model);
            }
            final Map<String, String> bindings = new LinkedHashMap<>();
            if (settings.containsKey("variables")) {
                final NodeSettingsRO variables = settings.getNodeSettings("variables");
                final NodeSettingsRO tree = variables.containsKey("tree") ? variables.getNodeSettings("tree")
                    : variables;
                collectBindings(tree, "", bindings);
            }
            return new WorkflowDefinition.Node(id, settingsFile, factory, name, model, bindings);
        } catch (InvalidSettingsException e) {
            throw new WorkflowLoadException("Node #" + id + ": " + file + " is incomplete: " + e.getMessage()
                + " Restore the node's folder, or save the workflow again in KNIME.", e);
        }
    }

    /** A string entry that must be there and not null; the message names the file and the key. */
    private static String required(final NodeSettingsRO settings, final String key, final Path file,
        final String where) throws WorkflowLoadException {
        final String value = settings.getString(key, null);
        if (value == null) {
            throw new WorkflowLoadException(file + " has no value for '" + where + (where.endsWith(key) ? "" : "/" + key)
                + "'; KNIME writes one there. Restore the file, or save the workflow again in KNIME.");
        }
        return value;
    }

    /** A path from a workflow file, which must stay inside the workflow folder (after normalisation). */
    private static Path inside(final Path dir, final String relative, final Path file, final String key)
        throws WorkflowLoadException {
        final Path resolved;
        try {
            resolved = dir.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new WorkflowLoadException(file + ": '" + key + "' is '" + relative + "', which is not a path: "
                + e.getMessage(), e);
        }
        boolean confined = resolved.startsWith(dir) && !resolved.equals(dir);
        try {
            if (confined && Files.exists(resolved)) {
                confined = resolved.toRealPath().startsWith(dir.toRealPath());
            }
        } catch (IOException e) {
            confined = false;
        }
        if (!confined) {
            throw new WorkflowLoadException(file + ": '" + key + "' is '" + relative + "', which leads out of the "
                + "workflow folder " + dir + "; a workflow reads only files inside its folder.");
        }
        return resolved;
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

    /** Reads a settings file whole, after checking its size and its nesting depth. */
    private static NodeSettingsRO load(final Path file) throws WorkflowLoadException {
        final byte[] bytes;
        try {
            final long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new WorkflowLoadException(file + " has " + size + " bytes; KNIME's settings files have a few "
                    + "kilobytes, and the runner reads at most " + MAX_FILE_BYTES + ". Is it the right file?");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new WorkflowLoadException("the settings file '" + file + "' is missing; restore the node's folder "
                + "or remove the node from workflow.knime.", e);
        } catch (IOException e) {
            throw new WorkflowLoadException("cannot read '" + file + "': " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new WorkflowLoadException(file + " grew beyond " + MAX_FILE_BYTES + " bytes while it was read.");
        }
        checkDepth(file, bytes);
        try {
            return NodeSettings.loadFromXML(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new WorkflowLoadException("cannot read '" + file + "': " + e.getMessage(), e);
        }
    }

    /** A streaming pass that stops at the first element deeper than {@link #MAX_DEPTH}. */
    private static void checkDepth(final Path file, final byte[] bytes) throws WorkflowLoadException {
        final XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            final XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                int depth = 0;
                while (xml.hasNext()) {
                    final int event = xml.next();
                    if (event == XMLStreamReader.START_ELEMENT && ++depth > MAX_DEPTH) {
                        throw new WorkflowLoadException(file + " nests its elements more than " + MAX_DEPTH
                            + " levels deep (line " + xml.getLocation().getLineNumber() + "); KNIME's settings nest a "
                            + "few levels. The file is damaged: restore it, or save the workflow again in KNIME.");
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new WorkflowLoadException("cannot read '" + file + "': malformed XML: " + e.getMessage(), e);
        }
    }
}
