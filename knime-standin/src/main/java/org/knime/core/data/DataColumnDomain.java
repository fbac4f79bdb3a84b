package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME 5.1's {@code DataColumnDomain}: possible values and/or bounds of a column. */
public final class DataColumnDomain {

    private final Set<DataCell> m_values;

    private final DataCell m_lower;

    private final DataCell m_upper;

    private DataColumnDomain(final Set<? extends DataCell> values, final DataCell lower, final DataCell upper) {
        m_values = values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
        m_lower = lower;
        m_upper = upper;
    }

    public Set<DataCell> getValues() {
        return m_values;
    }

    public boolean hasValues() {
        return m_values != null;
    }

    public DataCell getLowerBound() {
        return m_lower;
    }

    public boolean hasLowerBound() {
        return m_lower != null;
    }

    public DataCell getUpperBound() {
        return m_upper;
    }

    public boolean hasUpperBound() {
        return m_upper != null;
    }

    public boolean hasBounds() {
        return m_lower != null && m_upper != null;
    }

    public void save(final ConfigWO config) {
        if (m_values != null) {
            config.addStringArray("possible_values",
                m_values.stream().map(DataColumnDomain::encode).toArray(String[]::new));
        }
        if (m_lower != null) {
            config.addString("lower_bound", encode(m_lower));
        }
        if (m_upper != null) {
            config.addString("upper_bound", encode(m_upper));
        }
    }

    public static DataColumnDomain load(final ConfigRO config) {
        try {
            Set<DataCell> values = null;
            if (config.containsKey("possible_values")) {
                values = new LinkedHashSet<>();
                for (final String s : config.getStringArray("possible_values")) {
                    values.add(decode(s));
                }
            }
            final DataCell lower = config.containsKey("lower_bound") ? decode(config.getString("lower_bound")) : null;
            final DataCell upper = config.containsKey("upper_bound") ? decode(config.getString("upper_bound")) : null;
            return new DataColumnDomain(values, lower, upper);
        } catch (InvalidSettingsException e) {
            throw new IllegalArgumentException("Unreadable column domain: " + e.getMessage(), e);
        }
    }

    // The stand-in's own encoding of the three cell kinds it knows: "<kind>:<text>".
    private static String encode(final DataCell cell) {
        if (cell instanceof org.knime.core.data.def.DoubleCell) {
            return "d:" + ((DoubleValue) cell).getDoubleValue();
        } else if (cell instanceof org.knime.core.data.def.IntCell) {
            return "i:" + ((IntValue) cell).getIntValue();
        } else if (cell instanceof StringValue) {
            return "s:" + ((StringValue) cell).getStringValue();
        }
        throw new IllegalArgumentException("The stand-in cannot save domain cells of type " + cell.getType());
    }

    private static DataCell decode(final String s) {
        final String text = s.substring(2);
        switch (s.charAt(0)) {
            case 'd': return new org.knime.core.data.def.DoubleCell(Double.parseDouble(text));
            case 'i': return new org.knime.core.data.def.IntCell(Integer.parseInt(text));
            default: return new org.knime.core.data.def.StringCell(text);
        }
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataColumnDomain)) {
            return false;
        }
        final DataColumnDomain o = (DataColumnDomain) obj;
        return Objects.equals(m_values, o.m_values) && Objects.equals(m_lower, o.m_lower)
            && Objects.equals(m_upper, o.m_upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_values, m_lower, m_upper);
    }

    @Override
    public String toString() {
        return "values=" + m_values + ", bounds=[" + m_lower + ", " + m_upper + "]";
    }
}
