package org.knime.core.node.config;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigBase;

/** Stand-in for KNIME 5.1's {@code Config}: a settings tree whose sub-trees are {@code Config}s. */
public abstract class Config extends ConfigBase implements ConfigRO, ConfigWO {

    protected Config(final String key) {
        super(key);
    }

    @Override
    public abstract Config getInstance(final String key);

    public final Config addConfig(final String key) {
        return (Config) addConfigBase(key);
    }

    @Override
    public final Config getConfig(final String key) throws InvalidSettingsException {
        final ConfigBase config = getConfigBase(key);
        if (!(config instanceof Config)) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" not found.");
        }
        return (Config) config;
    }
}
