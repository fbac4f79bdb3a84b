package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Set;
import org.knime.core.node.InvalidSettingsException;

/** Stand-in for KNIME 5.1's read-only settings tree (bundle org.knime.core.util). */
public interface ConfigBaseRO extends Iterable<String> {

    public ConfigBase getConfigBase(String key) throws InvalidSettingsException;

    public void saveToXML(final OutputStream os) throws IOException;

    public void copyTo(ConfigBaseWO config);

    public String getKey();

    public int getInt(final String key) throws InvalidSettingsException;

    public double getDouble(final String key) throws InvalidSettingsException;

    public long getLong(final String key) throws InvalidSettingsException;

    public String getString(final String key) throws InvalidSettingsException;

    public Set<String> keySet();

    public boolean containsKey(final String key);

    public boolean getBoolean(final String key) throws InvalidSettingsException;

    public int getInt(final String key, final int def);

    public int[] getIntArray(final String key) throws InvalidSettingsException;

    public int[] getIntArray(final String key, final int... def);

    public double getDouble(final String key, final double def);

    public double[] getDoubleArray(final String key) throws InvalidSettingsException;

    public double[] getDoubleArray(final String key, final double... def);

    public long getLong(final String key, final long def);

    public boolean getBoolean(final String key, final boolean def);

    public String getString(final String key, final String def);

    public String[] getStringArray(final String key) throws InvalidSettingsException;

    public String[] getStringArray(final String key, final String... def);

    public Iterator<String> iterator();
}
