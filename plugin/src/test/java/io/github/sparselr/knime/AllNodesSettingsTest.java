package io.github.sparselr.knime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every node's settings survive KNIME's save, XML, validate and load cycle unchanged. */
class AllNodesSettingsTest {

    static List<String> factories() throws Exception {
        try (InputStream in = AllNodesSettingsTest.class.getResourceAsStream("/plugin.xml")) {
            final NodeList nodes = SafeXml.parse(in).getElementsByTagName("node");
            final List<String> names = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                names.add(((Element) nodes.item(i)).getAttribute("factory-class"));
            }
            return names;
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    @SuppressWarnings("unchecked")
    void settingsSurviveAnXmlRoundTrip(final String factoryClass) throws Exception {
        final NodeFactory<? extends NodeModel> factory =
            (NodeFactory<? extends NodeModel>) Class.forName(factoryClass).getConstructor().newInstance();
        final String saved = xml(HeadlessNode.of(factory).saveSettings());
        final HeadlessNode other = HeadlessNode.of(factory);
        other.loadSettings(NodeSettings.loadFromXML(new ByteArrayInputStream(saved.getBytes(StandardCharsets.UTF_8))));
        assertThat(xml(other.saveSettings())).isEqualTo(saved);
    }

    private static String xml(final NodeSettings settings) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        settings.saveToXML(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
