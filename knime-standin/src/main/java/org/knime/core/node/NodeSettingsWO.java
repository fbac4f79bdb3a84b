package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME 5.1's {@code NodeSettingsWO}. */
public interface NodeSettingsWO extends ConfigWO {

    NodeSettingsWO addNodeSettings(String key);

    void addNodeSettings(NodeSettings settings);
}
