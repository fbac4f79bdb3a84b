package io.github.sparselr.knime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every node's settings survive KNIME's save, XML, validate and load cycle unchanged, and every double
 * setting of every node refuses NaN and ±∞ when loaded, naming its key.
 */
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

    /** Each node's double settings, found in what the node saves (XMLConfig entries of type xdouble). */
    static List<Arguments> doubleSettings() throws Exception {
        final List<Arguments> found = new ArrayList<>();
        for (final String factoryClass : factories()) {
            final String saved = xml(HeadlessNode.of(factory(factoryClass)).saveSettings());
            final NodeList entries = SafeXml.parse(new ByteArrayInputStream(saved.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("entry");
            for (int i = 0; i < entries.getLength(); i++) {
                final Element entry = (Element) entries.item(i);
                if ("xdouble".equals(entry.getAttribute("type"))) {
                    for (final double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY}) {
                        found.add(Arguments.of(factoryClass, configPath(entry), entry.getAttribute("key"), bad));
                    }
                }
            }
        }
        return found;
    }

    /** The keys of the configs that hold {@code entry}, below the node's settings root. */
    private static List<String> configPath(final Element entry) {
        final List<String> path = new ArrayList<>();
        for (org.w3c.dom.Node p = entry.getParentNode(); p instanceof Element && p.getParentNode() instanceof Element;
            p = p.getParentNode()) {
            path.add(0, ((Element) p).getAttribute("key"));
        }
        return path;
    }

    @Test
    void theWalkFindsTheDoubleSettingsOfTheLearnerAndTheScorer() throws Exception {
        assertThat(doubleSettings()).extracting(a -> (String) a.get()[2]).contains("C", "l1_ratio", "tol",
            "min_accuracy");
    }

    @ParameterizedTest(name = "{2} = {3} in {0}")
    @MethodSource("doubleSettings")
    void everyDoubleSettingRefusesNaNAndInfinityNamingItsKey(final String factoryClass, final List<String> path,
        final String key, final double bad) throws Exception {
        final HeadlessNode node = HeadlessNode.of(factory(factoryClass));
        final NodeSettings settings = node.saveSettings();
        NodeSettings holder = settings;
        for (final String config : path) {
            holder = holder.getNodeSettings(config);
        }
        holder.addDouble(key, bad);
        assertThatThrownBy(() -> node.loadSettings(settings)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageStartingWith("Setting '" + key + "' is " + (Double.isNaN(bad) ? "NaN" : Double.toString(bad)))
            .hasMessageContaining("give a finite number");
    }

    @SuppressWarnings("unchecked")
    private static NodeFactory<? extends NodeModel> factory(final String factoryClass) throws Exception {
        return (NodeFactory<? extends NodeModel>) Class.forName(factoryClass).getConstructor().newInstance();
    }

    private static String xml(final NodeSettings settings) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        settings.saveToXML(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
