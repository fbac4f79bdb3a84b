package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.config.base.ConfigBase;

/** Stand-in for KNIME 5.1's {@code NodeSettings}: the settings tree of a node. */
public final class NodeSettings extends Config implements NodeSettingsRO, NodeSettingsWO {

    public NodeSettings(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new NodeSettings(key);
    }

    public static NodeSettingsRO loadFromXML(final InputStream in) throws IOException {
        return (NodeSettings) ConfigBase.loadFromXML(new NodeSettings("ignored"), in);
    }

    @Override
    public void copyTo(final ConfigWO dest) {
        super.copyTo(dest);
    }

    @Override
    public NodeSettingsWO addNodeSettings(final String key) {
        return (NodeSettings) addConfig(key);
    }

    @Override
    public void addNodeSettings(final NodeSettings settings) {
        settings.copyTo(addConfig(settings.getKey()));
    }

    @Override
    public NodeSettings getNodeSettings(final String key) throws InvalidSettingsException {
        return (NodeSettings) getConfig(key);
    }
}
