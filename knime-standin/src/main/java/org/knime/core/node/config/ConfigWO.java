package org.knime.core.node.config;

import org.knime.core.node.config.base.ConfigBaseWO;

/** Stand-in for KNIME 5.1's {@code ConfigWO}. */
public interface ConfigWO extends ConfigBaseWO {
}
