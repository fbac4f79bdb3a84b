package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.knime.core.node.InvalidSettingsException;

/**
 * Stand-in for KNIME 5.1's settings tree (bundle org.knime.core.util): ordered, typed entries and
 * sub-configs, written and read as KNIME's XMLConfig 2008/09 format. Arrays are sub-configs with an
 * {@code array-size} entry and entries {@code "0"…"n-1"}, as in KNIME.
 */
public abstract class ConfigBase implements ConfigBaseRO, ConfigBaseWO {

    private static final String ARRAY_SIZE = "array-size";

    /** One typed leaf: KNIME's entry type name ("xint", "xstring", …) and its text; null text = isnull. */
    private static final class Leaf {
        private final String type;
        private final String text;

        private Leaf(final String type, final String text) {
            this.type = type;
            this.text = text;
        }
    }

    private String m_key;

    private final Map<String, Object> m_entries = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        if (key == null) {
            throw new IllegalArgumentException("Config key must not be null.");
        }
        m_key = key;
    }

    public abstract ConfigBase getInstance(final String key);

    public final ConfigBase addConfigBase(final String key) {
        final ConfigBase config = getInstance(key);
        m_entries.put(key, config);
        return config;
    }

    @Override
    public final ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        final Object o = m_entries.get(key);
        if (!(o instanceof ConfigBase)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (ConfigBase) o;
    }

    @Override
    public final String getKey() {
        return m_key;
    }

    @Override
    public void addInt(final String key, final int value) {
        putLeaf(key, "xint", Integer.toString(value));
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        final String text = leafText(key, "xint", "Int");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Int for key \"" + key + "\" is not a number: " + text, e);
        }
    }

    @Override
    public void addDouble(final String key, final double value) {
        putLeaf(key, "xdouble", Double.toString(value));
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        final String text = leafText(key, "xdouble", "Double");
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Double for key \"" + key + "\" is not a number: " + text, e);
        }
    }

    @Override
    public void addLong(final String key, final long value) {
        putLeaf(key, "xlong", Long.toString(value));
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        final String text = leafText(key, "xlong", "Long");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("Long for key \"" + key + "\" is not a number: " + text, e);
        }
    }

    @Override
    public void addString(final String key, final String value) {
        putLeaf(key, "xstring", value);
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        final Object o = m_entries.get(key);
        if (!(o instanceof Leaf) || !((Leaf) o).type.equals("xstring")) {
            throw new InvalidSettingsException("String for key \"" + key + "\" not found.");
        }
        return ((Leaf) o).text;
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        final String text = leafText(key, "xboolean", "Boolean");
        if (!text.equals("true") && !text.equals("false")) {
            throw new InvalidSettingsException("Boolean for key \"" + key + "\" is neither true nor false: " + text);
        }
        return Boolean.parseBoolean(text);
    }

    @Override
    public void addBoolean(final String key, final boolean value) {
        putLeaf(key, "xboolean", Boolean.toString(value));
    }

    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(m_entries.keySet());
    }

    @Override
    public boolean containsKey(final String key) {
        return m_entries.containsKey(key);
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        final ConfigBase array = getConfigBase(key);
        final int size = array.getInt(ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        final int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = array.getInt(Integer.toString(i));
        }
        return values;
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        final ConfigBase array = addConfigBase(key);
        if (values != null) {
            array.addInt(ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                array.addInt(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        final ConfigBase array = getConfigBase(key);
        final int size = array.getInt(ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        final double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = array.getDouble(Integer.toString(i));
        }
        return values;
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        final ConfigBase array = addConfigBase(key);
        if (values != null) {
            array.addInt(ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                array.addDouble(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        final ConfigBase array = getConfigBase(key);
        final int size = array.getInt(ARRAY_SIZE, -1);
        if (size == -1) {
            return null;
        }
        final String[] values = new String[size];
        for (int i = 0; i < size; i++) {
            values[i] = array.getString(Integer.toString(i));
        }
        return values;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        final ConfigBase array = addConfigBase(key);
        if (values != null) {
            array.addInt(ARRAY_SIZE, values.length);
            for (int i = 0; i < values.length; i++) {
                array.addString(Integer.toString(i), values[i]);
            }
        }
    }

    @Override
    public final Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder();
        appendTree(out, "");
        return out.toString();
    }

    /** Writes this tree as KNIME's XMLConfig 2008/09 document. */
    @Override
    public final void saveToXML(final OutputStream os) throws IOException {
        final StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<config xmlns=\"http://www.knime.org/2008/09/XMLConfig\" ")
            .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
            .append("xsi:schemaLocation=\"http://www.knime.org/2008/09/XMLConfig ")
            .append("http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"").append(escape(m_key)).append("\">\n");
        appendXmlBody(xml, "");
        xml.append("</config>\n");
        os.write(xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        os.flush();
    }

    /**
     * Reads an XMLConfig document into {@code config} (which should be empty). The parser refuses
     * DOCTYPE declarations and external entities.
     */
    protected static ConfigBase loadFromXML(final ConfigBase config, final InputStream in) throws IOException {
        final org.w3c.dom.Element root = io.github.sparselr.knime.standin.SafeXml.parse(in).getDocumentElement();
        if (!"config".equals(root.getLocalName() == null ? root.getTagName() : root.getLocalName())) {
            throw new IOException("Not a KNIME settings document: the root element is <" + root.getTagName()
                + ">, expected <config>.");
        }
        if (root.hasAttribute("key")) {
            config.m_key = root.getAttribute("key");
        }
        config.readXmlChildren(root);
        return config;
    }

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        if (!(dest instanceof ConfigBase)) {
            throw new IllegalArgumentException("The stand-in copies settings only into settings trees.");
        }
        final ConfigBase target = (ConfigBase) dest;
        for (final Map.Entry<String, Object> e : m_entries.entrySet()) {
            if (e.getValue() instanceof ConfigBase) {
                ((ConfigBase) e.getValue()).copyTo(target.addConfigBase(e.getKey()));
            } else {
                target.m_entries.put(e.getKey(), e.getValue());
            }
        }
    }

    private void putLeaf(final String key, final String type, final String text) {
        if (key == null) {
            throw new IllegalArgumentException("Settings key must not be null.");
        }
        m_entries.put(key, new Leaf(type, text));
    }

    private String leafText(final String key, final String type, final String what)
        throws InvalidSettingsException {
        final Object o = m_entries.get(key);
        if (!(o instanceof Leaf) || !((Leaf) o).type.equals(type) || ((Leaf) o).text == null) {
            throw new InvalidSettingsException(what + " for key \"" + key + "\" not found.");
        }
        return ((Leaf) o).text;
    }

    private void appendTree(final StringBuilder out, final String indent) {
        out.append(indent).append(m_key).append(":\n");
        for (final Map.Entry<String, Object> e : m_entries.entrySet()) {
            if (e.getValue() instanceof ConfigBase) {
                ((ConfigBase) e.getValue()).appendTree(out, indent + "  ");
            } else {
                final Leaf leaf = (Leaf) e.getValue();
                out.append(indent).append("  ").append(e.getKey()).append(" (").append(leaf.type).append(") -> ")
                    .append(leaf.text).append('\n');
            }
        }
    }

    private void appendXmlBody(final StringBuilder xml, final String indent) {
        for (final Map.Entry<String, Object> e : m_entries.entrySet()) {
            if (e.getValue() instanceof ConfigBase) {
                final ConfigBase child = (ConfigBase) e.getValue();
                if (child.m_entries.isEmpty()) {
                    xml.append(indent).append("<config key=\"").append(escape(e.getKey())).append("\"/>\n");
                } else {
                    xml.append(indent).append("<config key=\"").append(escape(e.getKey())).append("\">\n");
                    child.appendXmlBody(xml, indent + "    ");
                    xml.append(indent).append("</config>\n");
                }
            } else {
                final Leaf leaf = (Leaf) e.getValue();
                xml.append(indent).append("<entry key=\"").append(escape(e.getKey())).append("\" type=\"")
                    .append(leaf.type).append('"');
                if (leaf.text == null) {
                    xml.append(" isnull=\"true\" value=\"\"");
                } else {
                    xml.append(" value=\"").append(escape(leaf.text)).append('"');
                }
                xml.append("/>\n");
            }
        }
    }

    private void readXmlChildren(final org.w3c.dom.Element element) throws IOException {
        for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
                continue;
            }
            final org.w3c.dom.Element child = (org.w3c.dom.Element) n;
            final String name = child.getLocalName() == null ? child.getTagName() : child.getLocalName();
            final String key = child.getAttribute("key");
            if (!child.hasAttribute("key")) {
                throw new IOException("Settings element <" + name + "> has no key attribute.");
            }
            if (name.equals("config")) {
                addConfigBase(key).readXmlChildren(child);
            } else if (name.equals("entry")) {
                final String type = child.getAttribute("type");
                if (!type.matches("x(int|long|double|float|short|byte|char|boolean|string|password|transientstring)")) {
                    throw new IOException("Settings entry '" + key + "' has the unknown type '" + type + "'.");
                }
                final boolean isNull = "true".equals(child.getAttribute("isnull"));
                putLeaf(key, type, isNull ? null : child.getAttribute("value"));
            } else {
                throw new IOException("Unexpected element <" + name + "> in a KNIME settings document.");
            }
        }
    }

    private static String escape(final String s) {
        final StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\n': out.append("&#10;"); break;
                case '\r': out.append("&#13;"); break;
                case '\t': out.append("&#9;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
