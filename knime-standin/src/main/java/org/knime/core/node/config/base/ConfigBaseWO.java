package org.knime.core.node.config.base;

/** Stand-in for KNIME 5.1's writable settings tree (bundle org.knime.core.util). */
public interface ConfigBaseWO {

    public void addInt(final String key, final int value);

    public void addDouble(final String key, final double value);

    public void addLong(final String key, final long value);

    public void addString(final String key, final String value);

    public void addBoolean(final String key, final boolean value);

    public void addIntArray(final String key, final int... values);

    public void addDoubleArray(final String key, final double... values);

    public void addStringArray(final String key, final String... values);
}
