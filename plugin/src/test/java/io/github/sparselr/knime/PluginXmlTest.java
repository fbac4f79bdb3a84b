package io.github.sparselr.knime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.standin.HeadlessNode;
import io.github.sparselr.knime.standin.NodeDescriptionReader;
import io.github.sparselr.knime.standin.SafeXml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.port.PortObject;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** plugin.xml names only classes that exist, and every node is described and drawn. */
class PluginXmlTest {

    static List<String> factoryClasses() throws Exception {
        return attributes("node", "factory-class");
    }

    @ParameterizedTest
    @MethodSource("factoryClasses")
    void everyFactoryInstantiatesWithASoundDescriptionAndIcon(final String className) throws Exception {
        final NodeFactory<?> factory = (NodeFactory<?>) Class.forName(className).getConstructor().newInstance();
        final NodeDescriptionReader description = NodeDescriptionReader.read(factory.getClass());

        assertThat(description.problems()).isEmpty();
        assertThat(factory.getNodeName()).isNotBlank().isNotEqualTo("?");
        assertThat(factory.getIcon()).isNotNull();
        assertThat(factory.getType()).isNotEqualTo(NodeFactory.NodeType.Unknown);
        // the description documents exactly the model's ports
        final HeadlessNode node = HeadlessNode.of(factory);
        assertThat(description.inPortCount()).as("documented input ports").isEqualTo(node.inPortCount());
        assertThat(description.outPortCount()).as("documented output ports").isEqualTo(node.outPortCount());
    }

    @Test
    void everyPortTypeNamesLoadableClassesWithAWorkingSerializer() throws Exception {
        final List<String> objects = attributes("portType", "objectClass");
        final List<String> serializers = attributes("portType", "objectSerializer");
        assertThat(objects).isNotEmpty().hasSameSizeAs(serializers);
        for (int i = 0; i < objects.size(); i++) {
            final Class<?> object = Class.forName(objects.get(i));
            assertThat(PortObject.class).isAssignableFrom(object);
            assertThat(object.getConstructor()).isNotNull();
            final Class<?> serializer = Class.forName(serializers.get(i));
            assertThat(serializer.getEnclosingClass()).isEqualTo(object);
            assertThat(serializer.getConstructor().newInstance()).isInstanceOf(PortObject.PortObjectSerializer.class);
        }
    }

    @Test
    void nodesSitInOurCommunityCategory() throws Exception {
        assertThat(attributes("category", "path")).containsExactly("/community");
        assertThat(attributes("category", "level-id")).containsExactly("sparselr");
        assertThat(attributes("node", "category-path")).allMatch("/community/sparselr"::equals);
        assertThat(PluginXmlTest.class.getResource("/" + attributes("category", "icon").get(0))).isNotNull();
    }

    private static List<String> attributes(final String element, final String attribute) throws Exception {
        try (InputStream in = PluginXmlTest.class.getResourceAsStream("/plugin.xml")) {
            final NodeList nodes = SafeXml.parse(in).getElementsByTagName(element);
            final List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(((Element) nodes.item(i)).getAttribute(attribute));
            }
            return values;
        }
    }
}
