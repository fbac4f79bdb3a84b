package io.github.sparselr.runner;

import io.github.sparselr.knime.standin.HeadlessNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;

/**
 * Writes a workflow folder in KNIME 5.1's on-disk format (docs/knime-format.md §3–§6), with the keys, in the order,
 * that KNIME 5.1 itself writes for an unexecuted workflow: {@code workflow.knime} as
 * {@code org.knime.core.node.workflow.FileWorkflowPersistor#saveHeader} and {@code #saveContent} write it, and per
 * node {@code Name (#id)/settings.xml} as {@code FileSingleNodeContainerPersistor#save} assembles it (with
 * {@code FileNodeContainerMetaPersistor#save}, {@code FileNativeNodeContainerPersistor#save},
 * {@code org.knime.core.node.NodeAndBundleInformationPersistor#save} and {@code FileNodePersistor#save}).
 * TestWorkflowsTest compares the result key by key with the structure of workflows KNIME 5.1 saved. Used to make
 * test-workflows/ (see {@link TestWorkflows}) and the runner's tests.
 */
final class WorkflowWriter {

    /**
     * What KNIME 5.1.0 writes as {@code created_by}: {@code KNIMEConstants.VERSION}, the full version of its
     * org.knime.core bundle. KNIME's build qualifier is the UTC time of the last commit that touched the bundle
     * (org.knime.base's 5.1.0.v202306071239 in KNIME's own test workflows is such a commit); for org.knime.core at
     * the tag analytics-platform/5.1.0 that is "Set build date to 2023-07-19", 2023-07-12 14:10 UTC. A loader
     * treats a {@code created_by} newer than itself (qualifier compared as text, {@code org.knime.core.util.Version})
     * as a future workflow, so the value must not be later than the released 5.1.0; it is not (docs/knime-format.md §4).
     */
    static final String CREATED_BY = "5.1.0.v202307121410";

    /**
     * The sparselr bundle and feature version written into each node's settings. KNIME writes the installed
     * bundle's full version ({@code Bundle.getVersion()}, here 0.1.0.v&lt;yyyyMMddHHmm&gt; of the build, pom.xml
     * {@code osgi.version}); a committed workflow must be reproducible, so the generator writes the same form with
     * a fixed qualifier, the day these workflows were defined (their {@code authored-when}). KNIME only shows the
     * value (e.g. for a missing node); it never compares it on load (docs/knime-format.md §6).
     */
    static final String BUNDLE_VERSION = "0.1.0.v202611270000";

    private static final int NODE_WIDTH = 94;

    private static final int NODE_HEIGHT = 64;

    private record Node(int id, String label, NodeFactory<? extends NodeModel> factory, NodeSettings model,
        Map<String, String> variables, int x, int y) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<int[]> connections = new ArrayList<>();
    private final Map<String, String[]> variables = new LinkedHashMap<>();

    /**
     * Adds a node at (x, y) whose default settings {@code change} edits. Its folder is named after the
     * node, as KNIME names it ("Scorer _sparselr_ (#6)", see {@link #folderName}); {@code label} is the text under the node (KNIME's node
     * annotation). The node has no custom description (the user-written text of its description view).
     */
    WorkflowWriter node(final int id, final String label, final NodeFactory<? extends NodeModel> factory, final int x,
        final int y, final Consumer<NodeSettings> change) {
        final NodeSettings model = HeadlessNode.of(factory).saveSettings();
        change.accept(model);
        nodes.add(new Node(id, label, factory, model, new LinkedHashMap<>(), x, y));
        return this;
    }

    /** Binds a node's setting to a workflow variable (KNIME's flow variable tab). */
    WorkflowWriter bind(final int id, final String setting, final String variable) {
        nodes.stream().filter(n -> n.id() == id).findFirst().orElseThrow().variables().put(setting, variable);
        return this;
    }

    /** Connects data output {@code sourcePort} to data input {@code destPort}, both 0-based as in the node model. */
    WorkflowWriter connect(final int sourceId, final int sourcePort, final int destId, final int destPort) {
        connections.add(new int[] {sourceId, sourcePort + 1, destId, destPort + 1}); // + KNIME's flow-variable port
        return this;
    }

    /** A workflow variable of type STRING, INTEGER or DOUBLE. */
    WorkflowWriter variable(final String name, final String type, final String value) {
        variables.put(name, new String[] {type, value});
        return this;
    }

    void write(final Path dir) throws IOException {
        Files.createDirectories(dir);
        final NodeSettings wf = new NodeSettings("workflow.knime");
        wf.addString("created_by", CREATED_BY);
        wf.addBoolean("created_by_nightly", false);
        wf.addString("version", "5.1.0");
        wf.addString("name", null);
        final NodeSettingsWO author = wf.addNodeSettings("authorInformation");
        author.addString("authored-by", "sparselr");
        author.addString("authored-when", "2026-11-27 00:00:00 +0000");
        author.addString("lastEdited-by", null);
        author.addString("lastEdited-when", null);
        wf.addString("customDescription", null);
        wf.addString("state", "IDLE");
        // FileWorkflowPersistor#saveContent: workflow variables (only when there are any), then credentials (always)
        final NodeSettingsWO vars = variables.isEmpty() ? null : wf.addNodeSettings("workflow_variables");
        int v = 0;
        for (final Map.Entry<String, String[]> e : variables.entrySet()) {
            final NodeSettingsWO var = vars.addNodeSettings("Var_" + v++);
            var.addString("name", e.getKey());
            var.addString("class", e.getValue()[0]);
            switch (e.getValue()[0]) {
                case "INTEGER" -> var.addInt("value", Integer.parseInt(e.getValue()[1]));
                case "DOUBLE" -> var.addDouble("value", Double.parseDouble(e.getValue()[1]));
                default -> var.addString("value", e.getValue()[1]);
            }
        }
        wf.addNodeSettings("workflow_credentials");
        // no "annotations": KNIME writes it only for workflow annotations (FileWorkflowPersistor#saveWorkflowAnnotations)
        final NodeSettingsWO nodesConfig = wf.addNodeSettings("nodes");
        for (final Node n : nodes) {
            final String folder = folderName(n.factory().getNodeName()) + " (#" + n.id() + ")";
            final NodeSettingsWO entry = nodesConfig.addNodeSettings("node_" + n.id());
            entry.addInt("id", n.id());
            entry.addString("node_settings_file", folder + "/settings.xml");
            entry.addBoolean("node_is_meta", false);
            entry.addString("node_type", "NativeNode");
            entry.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            entry.addNodeSettings("ui_settings").addIntArray("extrainfo.node.bounds", n.x(), n.y(), NODE_WIDTH,
                NODE_HEIGHT);
            writeNode(dir.resolve(folder), n);
        }
        final NodeSettingsWO connectionsConfig = wf.addNodeSettings("connections");
        for (int i = 0; i < connections.size(); i++) {
            final int[] c = connections.get(i);
            final NodeSettingsWO entry = connectionsConfig.addNodeSettings("connection_" + i);
            entry.addInt("sourceID", c[0]);
            entry.addInt("destID", c[2]);
            entry.addInt("sourcePort", c[1]);
            entry.addInt("destPort", c[3]);
            entry.addString("ui_classname", "org.knime.core.node.workflow.ConnectionUIInformation");
            entry.addNodeSettings("ui_settings").addInt("extrainfo.conn.bendpoints_size", 0);
        }
        final NodeSettingsWO editor = wf.addNodeSettings("workflow_editor_settings");
        editor.addBoolean("workflow.editor.snapToGrid", true);
        editor.addBoolean("workflow.editor.ShowGrid", false);
        editor.addInt("workflow.editor.gridX", 20);
        editor.addInt("workflow.editor.gridY", 20);
        editor.addDouble("workflow.editor.zoomLevel", 1.0);
        editor.addBoolean("workflow.editor.curvedConnections", false);
        editor.addInt("workflow.editor.connectionWidth", 1);
        save(wf, dir.resolve("workflow.knime"));
    }

    private static void writeNode(final Path folder, final Node n) throws IOException {
        Files.createDirectories(folder);
        final NodeSettings s = new NodeSettings("settings.xml");
        s.addString("node_file", "settings.xml");
        s.addNodeSettings("flow_stack");
        s.addNodeSettings("internal_node_subsettings").addString("memory_policy", "CacheSmallInMemory");
        s.addNodeSettings(n.model());
        if (!n.variables().isEmpty()) {
            final NodeSettingsWO variables = s.addNodeSettings("variables");
            variables.addString("version", "V_2019_09_13");
            final NodeSettingsWO tree = variables.addNodeSettings("tree");
            for (final Map.Entry<String, String> b : n.variables().entrySet()) {
                final NodeSettingsWO binding = tree.addNodeSettings(b.getKey());
                binding.addString("used_variable", b.getValue());
                binding.addString("exposed_variable", null);
            }
        }
        writeNodeAnnotation(s.addNodeSettings("nodeAnnotation"), n);
        s.addString("customDescription", null); // FileNodeContainerMetaPersistor#saveCustomDescription: none written
        s.addString("state", "IDLE");
        // NodeAndBundleInformationPersistor#save
        s.addString("factory", n.factory().getClass().getName());
        s.addString("node-name", n.factory().getNodeName());
        s.addString("node-bundle-name", "sparselr");
        s.addString("node-bundle-symbolic-name", "io.github.sparselr.knime");
        s.addString("node-bundle-vendor", "sparselr");
        s.addString("node-bundle-version", BUNDLE_VERSION);
        s.addString("node-feature-name", "sparselr: sparse, interpretable linear models");
        s.addString("node-feature-symbolic-name", "io.github.sparselr.knime.feature.feature.group");
        s.addString("node-feature-vendor", "sparselr");
        s.addString("node-feature-version", BUNDLE_VERSION);
        s.addNodeSettings("factory_settings");
        // FileNodePersistor#save: name, hasContent, isInactive, one port_i per data output (i from 1: port 0 is the
        // flow-variable port), no port folder while the node holds no data, then the (empty) file store information
        s.addString("name", n.factory().getNodeName());
        s.addBoolean("hasContent", false);
        s.addBoolean("isInactive", false);
        final NodeSettingsWO ports = s.addNodeSettings("ports");
        for (int i = 1; i <= HeadlessNode.of(n.factory()).outPortCount(); i++) {
            final NodeSettingsWO port = ports.addNodeSettings("port_" + i);
            port.addInt("index", i);
            port.addString("port_dir_location", null);
        }
        final NodeSettingsWO filestores = s.addNodeSettings("filestores");
        filestores.addString("file_store_location", null);
        filestores.addString("file_store_id", null);
        save(s, folder.resolve("settings.xml"));
    }

    /**
     * A node's name as KNIME 5.1 turns it into its folder's name (FileWorkflowPersistor#saveNodeContainer with
     * {@code org.knime.core.util.FileUtil#getValidFileName}): every character but ASCII letters, digits and spaces
     * becomes '_'; the folder then gets " (#id)".
     */
    static String folderName(final String nodeName) {
        return nodeName.replaceAll("[^a-zA-Z0-9 ]", "_");
    }

    /**
     * The label under the node, as {@code org.knime.core.node.workflow.AnnotationData#save} writes a node
     * annotation in 5.1 (KNIME writes one only when it is not the default "Node id"; a label is not): plain text,
     * centred on a white background, no border, the default font size (-1), format version 20230412, no style
     * ranges. Its position and size are layout only; KNIME recomputes them around the node.
     */
    private static void writeNodeAnnotation(final NodeSettingsWO annotation, final Node n) {
        annotation.addString("text", n.label());
        annotation.addString("contentType", "text/plain");
        annotation.addInt("bgcolor", 0xFFFFFF);
        annotation.addInt("x-coordinate", n.x());
        annotation.addInt("y-coordinate", n.y() + NODE_HEIGHT);
        annotation.addInt("width", NODE_WIDTH);
        annotation.addInt("height", 18);
        annotation.addString("alignment", "CENTER");
        annotation.addInt("borderSize", 0);
        annotation.addInt("borderColor", 0);
        annotation.addInt("defFontSize", -1);
        annotation.addInt("annotation-version", 20230412);
        annotation.addNodeSettings("styles");
    }

    private static void save(final NodeSettings settings, final Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            settings.saveToXML(out);
        }
    }
}
