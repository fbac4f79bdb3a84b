package io.github.sparselr.knime.standin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a node description the way KNIME finds it: {@code <FactorySimpleName>.xml} in the factory's
 * package, namespace {@code http://knime.org/node/v4.1}. Problems that KNIME would only log are
 * collected in {@link #problems()}, so that tests can insist on none.
 */
public final class NodeDescriptionReader {

    /** The namespace our descriptions use; KNIME 5.1 knows it. */
    public static final String NAMESPACE_V41 = "http://knime.org/node/v4.1";

    private final String m_name;

    private final String m_type;

    private final URL m_icon;

    private final Map<Integer, String> m_inPorts = new TreeMap<>();

    private final Map<Integer, String> m_outPorts = new TreeMap<>();

    private final List<String> m_problems = new ArrayList<>();

    private NodeDescriptionReader(final Class<?> factoryClass) {
        final String resource = factoryClass.getSimpleName() + ".xml";
        String name = "?";
        String type = "Unknown";
        URL icon = null;
        try (InputStream in = factoryClass.getResourceAsStream(resource)) {
            if (in == null) {
                m_problems.add("no node description " + resource + " beside " + factoryClass.getName());
            } else {
                final Document doc = SafeXml.parse(in);
                final Element root = doc.getDocumentElement();
                if (!"knimeNode".equals(root.getLocalName()) || !NAMESPACE_V41.equals(root.getNamespaceURI())) {
                    m_problems.add(resource + ": root must be <knimeNode xmlns=\"" + NAMESPACE_V41 + "\">");
                }
                type = root.getAttribute("type");
                final String iconPath = root.getAttribute("icon").replaceFirst("^\\./", "");
                icon = iconPath.isEmpty() ? null : factoryClass.getResource(iconPath);
                if (icon == null) {
                    m_problems.add(resource + ": icon '" + root.getAttribute("icon") + "' not found beside the factory");
                }
                name = text(root, "name");
                checkOrder(root, resource);
                collectPorts(root, "inPort", m_inPorts, resource);
                collectPorts(root, "outPort", m_outPorts, resource);
            }
        } catch (IOException e) {
            m_problems.add(resource + ": " + e.getMessage());
        }
        m_name = name;
        m_type = type;
        m_icon = icon;
    }

    /** Reads the description of a factory class. */
    public static NodeDescriptionReader read(final Class<?> factoryClass) {
        return new NodeDescriptionReader(factoryClass);
    }

    private String text(final Element root, final String child) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && child.equals(n.getLocalName())) {
                return n.getTextContent().trim();
            }
        }
        m_problems.add("missing <" + child + ">");
        return "?";
    }

    // Node_v4.1.xsd is a sequence: name, shortDescription, fullDescription, interactiveView?, ports, views?, keywords?
    private void checkOrder(final Element root, final String resource) {
        final List<String> order = List.of("name", "shortDescription", "fullDescription", "interactiveView", "ports",
            "views", "keywords");
        int last = -1;
        final List<String> seen = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element)) {
                continue;
            }
            final int at = order.indexOf(n.getLocalName());
            if (at < 0 || at <= last) {
                m_problems.add(resource + ": element <" + n.getLocalName() + "> out of the v4.1 order " + order);
            }
            last = Math.max(last, at);
            seen.add(n.getLocalName());
        }
        for (final String required : List.of("name", "shortDescription", "fullDescription", "ports")) {
            if (!seen.contains(required)) {
                m_problems.add(resource + ": required element <" + required + "> is missing");
            }
        }
    }

    private void collectPorts(final Element root, final String tag, final Map<Integer, String> into,
        final String resource) {
        final var ports = root.getElementsByTagNameNS(NAMESPACE_V41, tag);
        for (int i = 0; i < ports.getLength(); i++) {
            final Element port = (Element) ports.item(i);
            try {
                into.put(Integer.parseInt(port.getAttribute("index")), port.getAttribute("name"));
            } catch (NumberFormatException e) {
                m_problems.add(resource + ": <" + tag + "> with index '" + port.getAttribute("index") + "'");
            }
        }
    }

    public String name() {
        return m_name;
    }

    public String type() {
        return m_type;
    }

    public URL icon() {
        return m_icon;
    }

    public String inPortName(final int index) {
        return m_inPorts.get(index);
    }

    public String outPortName(final int index) {
        return m_outPorts.get(index);
    }

    public int inPortCount() {
        return m_inPorts.size();
    }

    public int outPortCount() {
        return m_outPorts.size();
    }

    /** What KNIME would log as coding problems about this description; empty when it is sound. */
    public List<String> problems() {
        return List.copyOf(m_problems);
    }
}
