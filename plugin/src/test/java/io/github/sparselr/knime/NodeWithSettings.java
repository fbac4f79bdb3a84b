package io.github.sparselr.knime;

import io.github.sparselr.knime.standin.HeadlessNode;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;

/** A node of the tests with some of its settings changed from the defaults it saves. */
public final class NodeWithSettings {

    private NodeWithSettings() {
    }

    /**
     * The node of {@code factory} with settings loaded as KNIME loads them (validated, then loaded).
     *
     * @param keyValues key, value, key, value, …: a value of digits is saved as an int, any other as a string
     */
    public static HeadlessNode of(final NodeFactory<? extends NodeModel> factory, final String... keyValues)
        throws InvalidSettingsException {
        final HeadlessNode node = HeadlessNode.of(factory);
        final NodeSettings settings = node.saveSettings();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1].matches("\\d+")) {
                settings.addInt(keyValues[i], Integer.parseInt(keyValues[i + 1]));
            } else {
                settings.addString(keyValues[i], keyValues[i + 1]);
            }
        }
        node.loadSettings(settings);
        return node;
    }
}
