package org.knime.core.node;

import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME 5.1's {@code ModelContentWO}. */
public interface ModelContentWO extends ConfigWO {

    ModelContentWO addModelContent(String key);

    void addModelContent(ModelContent modelContent);
}
