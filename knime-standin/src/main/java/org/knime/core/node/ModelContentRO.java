package org.knime.core.node;

import org.knime.core.node.config.ConfigRO;

/** Stand-in for KNIME 5.1's {@code ModelContentRO}. */
public interface ModelContentRO extends ConfigRO {

    ModelContentRO getModelContent(String key) throws InvalidSettingsException;
}
