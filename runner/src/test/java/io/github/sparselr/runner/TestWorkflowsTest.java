package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.standin.SafeXml;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The committed test-workflows/ are what TestWorkflows writes, and follow KNIME's rules (docs/knime-format.md §3–§6). */
class TestWorkflowsTest {

    private static final Path COMMITTED = Path.of("..", "test-workflows");

    @TempDir
    Path temp;

    @Test
    void theCommittedWorkflowsAreWhatTheGeneratorWrites() throws Exception {
        TestWorkflows.main(new String[] {temp.toString()});
        for (final String name : TestWorkflows.all().keySet()) {
            final List<Path> generated = files(temp.resolve(name));
            assertThat(files(COMMITTED.resolve(name))).as(name + ": files").isEqualTo(generated);
            for (final Path relative : generated) {
                assertThat(Files.readString(COMMITTED.resolve(name).resolve(relative)))
                    .as(name + "/" + relative + " differs from the generator's; run TestWorkflows to refresh it")
                    .isEqualTo(Files.readString(temp.resolve(name).resolve(relative)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestWorkflows.STUDY, TestWorkflows.L1_VS_L2, TestWorkflows.L1_PATH})
    void followsKnimes51LoadRules(final String name) throws Exception {
        final Path dir = COMMITTED.resolve(name);
        final NodeSettingsRO workflow = load(dir.resolve("workflow.knime"));
        assertThat(workflow.getString("version")).isEqualTo("5.1.0");
        // not newer than the released KNIME 5.1.0 (org.knime.core 5.1.0.v202307121410; the qualifier compares as text)
        assertThat(workflow.getString("created_by")).startsWith("5.1.0.").isLessThanOrEqualTo("5.1.0.v202307121410");
        assertThat(workflow.getBoolean("created_by_nightly")).isFalse();
        final List<String> registered = registeredFactories();
        final WorkflowDefinition definition = WorkflowReader.read(dir);
        for (final WorkflowDefinition.Node node : definition.nodes()) {
            final NodeSettingsRO settings = load(dir.resolve(node.folder()));
            for (final String key : List.of("factory", "node-name", "node-bundle-name", "node-bundle-symbolic-name",
                "node-bundle-vendor", "state", "node_file", "flow_stack", "model")) {
                assertThat(settings.containsKey(key)).as(node.label() + " has " + key).isTrue();
            }
            assertThat(settings.getString("state")).isEqualTo("IDLE");
            assertThat(settings.getString("node-bundle-symbolic-name")).isEqualTo("io.github.sparselr.knime");
            assertThat(registered).as(node.label() + "'s factory is registered in plugin.xml").contains(node.factory());
        }
        // executing the nodes validates the port offsets; here: no port 0 (KNIME's flow-variable port) is used
        for (final WorkflowDefinition.Connection c : definition.connections()) {
            assertThat(c.sourcePort()).isPositive();
            assertThat(c.destPort()).isPositive();
        }
        new WorkflowExecutor(definition, List.of(), Map.of()); // loads: every input connected, no cycle
    }

    // ---- The structure KNIME 5.1 writes. The expected key lists are our own encoding of what we read in KNIME's
    // sources at the tag analytics-platform/5.1.0 (knime-core, org.knime.core.workflow.tests/src/org/knime/core/node/
    // workflow/): workflow.knime of bug5405_WorkflowLocationAfterSaveAs and settings.xml of
    // replaceNodePorts/"Data Generator (#1)" and "Normalizer (#10)", all saved by KNIME 5.1.0, and the writers named
    // in WorkflowWriter (docs/knime-format.md §4, §6).

    /** workflow.knime's top-level keys in FileWorkflowPersistor#saveHeader and #saveContent order (no annotations). */
    private static final List<String> WORKFLOW_KEYS = List.of("entry created_by", "entry created_by_nightly",
        "entry version", "entry name", "config authorInformation", "entry customDescription", "entry state",
        "config workflow_variables", "config workflow_credentials", "config nodes", "config connections",
        "config workflow_editor_settings");

    /** A configured native node's settings.xml (optional "variables" removed), as KNIME 5.1 writes it. */
    private static final List<String> NODE_KEYS = List.of("entry node_file", "config flow_stack",
        "config internal_node_subsettings", "config model", "config nodeAnnotation", "entry customDescription",
        "entry state", "entry factory", "entry node-name", "entry node-bundle-name", "entry node-bundle-symbolic-name",
        "entry node-bundle-vendor", "entry node-bundle-version", "entry node-feature-name",
        "entry node-feature-symbolic-name", "entry node-feature-vendor", "entry node-feature-version",
        "config factory_settings", "entry name", "entry hasContent", "entry isInactive", "config ports",
        "config filestores");

    /** A node annotation as org.knime.core.node.workflow.AnnotationData#save writes it in 5.1. */
    private static final List<String> ANNOTATION_KEYS = List.of("entry text", "entry contentType", "entry bgcolor",
        "entry x-coordinate", "entry y-coordinate", "entry width", "entry height", "entry alignment",
        "entry borderSize", "entry borderColor", "entry defFontSize", "entry annotation-version", "config styles");

    /** A SettingsModelColumnFilter2 config (NameFilterConfiguration, DataColumnSpecFilterConfiguration). */
    private static final List<String> COLUMN_FILTER_KEYS = List.of("entry filter-type", "config included_names",
        "config excluded_names", "entry enforce_option", "config name_pattern", "config datatype");

    /** Its name_pattern (PatternFilterConfiguration#saveConfiguration; excludeMatching since 4.5). */
    private static final List<String> NAME_PATTERN_KEYS = List.of("entry pattern", "entry type",
        "entry caseSensitive", "entry excludeMatching");

    /** The form of a released bundle's version, e.g. 4.6.2.v202209150849 in the Data Generator's settings.xml. */
    private static final String RELEASED_VERSION = "\\d+\\.\\d+\\.\\d+\\.v\\d{12}";

    @ParameterizedTest
    @ValueSource(strings = {TestWorkflows.STUDY, TestWorkflows.L1_VS_L2, TestWorkflows.L1_PATH})
    void workflowKnimeHasTheKeysKnime51WritesInItsOrder(final String name) throws Exception {
        assertThat(keys(root(COMMITTED.resolve(name).resolve("workflow.knime")))).isEqualTo(WORKFLOW_KEYS);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestWorkflows.STUDY, TestWorkflows.L1_VS_L2, TestWorkflows.L1_PATH})
    void nodeSettingsHaveTheKeysKnime51WritesInItsOrder(final String name) throws Exception {
        final Path dir = COMMITTED.resolve(name);
        for (final WorkflowDefinition.Node node : WorkflowReader.read(dir).nodes()) {
            final List<String> keys = new ArrayList<>(keys(root(dir.resolve(node.folder()))));
            keys.remove("config variables"); // after "model" when a setting is bound, as SingleNodeContainerSettings#save
            assertThat(keys).as(node.label()).isEqualTo(NODE_KEYS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestWorkflows.STUDY, TestWorkflows.L1_VS_L2, TestWorkflows.L1_PATH})
    void theCustomDescriptionIsEmptyAndTheNodesNameIsItsNodeName(final String name) throws Exception {
        final Path dir = COMMITTED.resolve(name);
        for (final WorkflowDefinition.Node node : WorkflowReader.read(dir).nodes()) {
            final NodeSettingsRO settings = load(dir.resolve(node.folder()));
            // KNIME loads customDescription as the user's own description text: none was written
            assertThat(settings.containsKey("customDescription")).as(node.label()).isTrue();
            assertThat(settings.getString("customDescription")).as(node.label()).isNull();
            assertThat(settings.getString("node-name")).as(node.label()).isEqualTo(node.name());
            assertThat(settings.getString("name")).as(node.label()).isEqualTo(node.name());
        }
    }

    @Test
    void eachNodesLabelIsItsNodeAnnotation() throws Exception {
        final Path dir = COMMITTED.resolve(TestWorkflows.L1_VS_L2);
        final Map<Integer, String> labels = new java.util.TreeMap<>();
        for (final WorkflowDefinition.Node node : WorkflowReader.read(dir).nodes()) {
            final Element annotation = child(root(dir.resolve(node.folder())), "nodeAnnotation");
            assertThat(keys(annotation)).as(node.label()).isEqualTo(ANNOTATION_KEYS);
            assertThat(entry(annotation, "contentType")).isEqualTo("text/plain");
            assertThat(entry(annotation, "annotation-version")).isEqualTo("20230412");
            labels.put(node.id(), entry(annotation, "text"));
        }
        assertThat(labels).containsEntry(1, "OpenML Reader").containsEntry(4, "SAGA L1 Learner")
            .containsEntry(9, "Predictor L2").containsEntry(11, "Weights L2");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestWorkflows.STUDY, TestWorkflows.L1_VS_L2, TestWorkflows.L1_PATH})
    void columnFiltersCarryTheirNamePatternAndDatatypeSubConfigs(final String name) throws Exception {
        final Path dir = COMMITTED.resolve(name);
        int filters = 0;
        for (final WorkflowDefinition.Node node : WorkflowReader.read(dir).nodes()) {
            final Element model = child(root(dir.resolve(node.folder())), "model");
            for (final Element config : configs(model)) {
                if (!keys(config).contains("entry filter-type")) {
                    continue;
                }
                filters++;
                final String what = node.label() + "/" + config.getAttribute("key");
                assertThat(keys(config)).as(what).isEqualTo(COLUMN_FILTER_KEYS);
                final Element pattern = child(config, "name_pattern");
                assertThat(keys(pattern)).as(what).isEqualTo(NAME_PATTERN_KEYS);
                assertThat(entry(pattern, "type")).isEqualTo("Wildcard");
                assertThat(keys(child(config, "datatype"))).as(what).isEqualTo(List.of("config typelist"));
            }
        }
        assertThat(filters).as("the Standard Scaler's and each learner's column filter").isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestWorkflows.STUDY, TestWorkflows.L1_VS_L2, TestWorkflows.L1_PATH})
    void versionsAreWrittenInFullAsKnimeWritesThem(final String name) throws Exception {
        final Path dir = COMMITTED.resolve(name);
        final NodeSettingsRO workflow = load(dir.resolve("workflow.knime"));
        assertThat(workflow.getString("created_by")).matches(RELEASED_VERSION).startsWith("5.1.0.");
        final String osgiVersion = Files.readString(Path.of("..", "pom.xml"))
            .replaceAll("(?s).*<osgi\\.version>([0-9.]+)\\.\\$\\{osgi\\.qualifier}</osgi\\.version>.*", "$1");
        for (final WorkflowDefinition.Node node : WorkflowReader.read(dir).nodes()) {
            final NodeSettingsRO settings = load(dir.resolve(node.folder()));
            for (final String key : List.of("node-bundle-version", "node-feature-version")) {
                assertThat(settings.getString(key)).as(node.label() + " " + key).matches(RELEASED_VERSION)
                    .startsWith(osgiVersion + ".v");
            }
        }
    }

    @Test
    void nodeFoldersAreNamedAsKnimeNamesThem() throws Exception {
        // FileWorkflowPersistor#saveNodeContainer with FileUtil#getValidFileName: '(' and ')' become '_'
        final List<String> folders = WorkflowReader.read(COMMITTED.resolve(TestWorkflows.STUDY)).nodes().stream()
            .map(WorkflowDefinition.Node::folder).toList();
        assertThat(folders).contains("Standard Scaler _Apply_ (#3)/settings.xml", "Scorer _sparselr_ (#6)/settings.xml",
            "SAGA Logistic Regression Learner (#4)/settings.xml");
        assertThat(COMMITTED.resolve(TestWorkflows.STUDY).resolve("Standard Scaler _Apply_ (#3)")).isDirectory();
    }

    /** The element's children as "entry key" or "config key", in file order. */
    private static List<String> keys(final Element parent) {
        final List<String> keys = new ArrayList<>();
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                keys.add(e.getTagName() + " " + e.getAttribute("key"));
            }
        }
        return keys;
    }

    private static List<Element> configs(final Element parent) {
        final List<Element> configs = new ArrayList<>();
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && "config".equals(e.getTagName())) {
                configs.add(e);
            }
        }
        return configs;
    }

    private static Element child(final Element parent, final String key) {
        for (org.w3c.dom.Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && key.equals(e.getAttribute("key"))) {
                return e;
            }
        }
        throw new AssertionError("no '" + key + "' under '" + parent.getAttribute("key") + "'");
    }

    private static String entry(final Element parent, final String key) {
        return child(parent, key).getAttribute("value");
    }

    private static Element root(final Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return SafeXml.parse(in).getDocumentElement();
        }
    }

    private static List<String> registeredFactories() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("..", "plugin", "plugin.xml"))) {
            final NodeList nodes = SafeXml.parse(in).getElementsByTagName("node");
            final List<String> names = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                names.add(((Element) nodes.item(i)).getAttribute("factory-class"));
            }
            return names;
        }
    }

    private static NodeSettingsRO load(final Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    private static List<Path> files(final Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
