package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import org.knime.core.node.config.Config;
import org.knime.core.node.config.base.ConfigBase;

/** Stand-in for KNIME 5.1's {@code ModelContent}: the settings tree of a model. */
public final class ModelContent extends Config implements ModelContentRO, ModelContentWO {

    public ModelContent(final String key) {
        super(key);
    }

    @Override
    public Config getInstance(final String key) {
        return new ModelContent(key);
    }

    public static synchronized ModelContentRO loadFromXML(final InputStream in) throws IOException {
        return (ModelContent) ConfigBase.loadFromXML(new ModelContent("ignored"), in);
    }

    @Override
    public void addModelContent(final ModelContent modelContent) {
        modelContent.copyTo(addConfig(modelContent.getKey()));
    }

    @Override
    public ModelContentWO addModelContent(final String key) {
        return (ModelContent) addConfig(key);
    }

    @Override
    public ModelContent getModelContent(final String key) throws InvalidSettingsException {
        return (ModelContent) getConfig(key);
    }
}
