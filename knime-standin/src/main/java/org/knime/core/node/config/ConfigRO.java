package org.knime.core.node.config;

import java.util.Iterator;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBaseRO;

/** Stand-in for KNIME 5.1's {@code ConfigRO}. */
public interface ConfigRO extends ConfigBaseRO {

    public Config getConfig(String key) throws InvalidSettingsException;

    @Override
    public Iterator<String> iterator();
}
