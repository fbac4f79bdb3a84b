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
    @ValueSource(strings = {TestWorkflows.STUDY, TestWorkflows.L1_VS_L2})
    void followsKnimes51LoadRules(final String name) throws Exception {
        final Path dir = COMMITTED.resolve(name);
        final NodeSettingsRO workflow = load(dir.resolve("workflow.knime"));
        assertThat(workflow.getString("version")).isEqualTo("5.1.0");
        assertThat(workflow.getString("created_by")).isEqualTo("5.1.0");
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
