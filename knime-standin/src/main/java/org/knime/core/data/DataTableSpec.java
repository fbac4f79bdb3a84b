package org.knime.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.swing.JComponent;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.Config;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.port.PortObjectSpec;

/** Stand-in for KNIME 5.1's {@code DataTableSpec}: the ordered, uniquely named columns of a table. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private final String m_name;

    private final DataColumnSpec[] m_columns;

    private final Map<String, Integer> m_indexByName = new HashMap<>();

    public DataTableSpec() {
        this("default");
    }

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this("default", colSpecs);
    }

    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(spec1.getName() + "+" + spec2.getName(), concat(spec1, spec2));
    }

    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name;
        m_columns = colSpecs.clone();
        for (int i = 0; i < m_columns.length; i++) {
            if (m_columns[i] == null) {
                throw new NullPointerException("Column spec at index " + i + " must not be null.");
            }
            final Integer earlier = m_indexByName.put(m_columns[i].getName(), i);
            if (earlier != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + m_columns[i].getName()
                    + "\" at positions " + earlier + " and " + i + ".");
            }
        }
    }

    public DataTableSpec(final String[] names, final DataType[] types) {
        this("default", createColumnSpecs(names, types));
    }

    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    private static DataColumnSpec[] concat(final DataTableSpec a, final DataTableSpec b) {
        final DataColumnSpec[] all = Arrays.copyOf(a.m_columns, a.m_columns.length + b.m_columns.length);
        System.arraycopy(b.m_columns, 0, all, a.m_columns.length, b.m_columns.length);
        return all;
    }

    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException("Names and types must have the same length.");
        }
        final DataColumnSpec[] specs = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            specs[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return specs;
    }

    /** As KNIME's: the name trimmed, then " (#1)", " (#2)", … until no column of {@code spec} has it. */
    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (columnName == null) {
            throw new NullPointerException("Column name must not be null.");
        }
        final String trimmed = columnName.trim();
        String result = trimmed;
        for (int i = 1; spec.containsName(result); i++) {
            result = trimmed + " (#" + i + ")";
        }
        return result;
    }

    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return Arrays.stream(m_columns).anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    public boolean containsName(final String columnName) {
        return m_indexByName.containsKey(columnName);
    }

    /**
     * Same number of columns, and each compatible with the other's column at its index
     * ({@link DataColumnSpec#isCompatibleWith}): what KNIME's {@code Node#execute} checks an output against.
     */
    public boolean isCompatibleWith(final DataTableSpec spec) {
        if (spec == this) {
            return true;
        }
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].isCompatibleWith(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    /** Same column names and types in the same order; domains and other properties may differ. */
    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == this) {
            return true;
        }
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].equalStructure(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    public int findColumnIndex(final String columnName) {
        final Integer i = m_indexByName.get(columnName);
        return i == null ? -1 : i;
    }

    public final String[] getColumnNames() {
        return Arrays.stream(m_columns).map(DataColumnSpec::getName).toArray(String[]::new);
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    public DataColumnSpec getColumnSpec(final String column) {
        final int i = findColumnIndex(column);
        return i < 0 ? null : m_columns[i];
    }

    public String getName() {
        return m_name;
    }

    public int getNumColumns() {
        return m_columns.length;
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return List.of(m_columns).iterator();
    }

    public Stream<DataColumnSpec> stream() {
        return Arrays.stream(m_columns);
    }

    public void save(final ConfigWO config) {
        final Config c = (Config) config;
        c.addString("spec_name", m_name);
        c.addInt("number_columns", m_columns.length);
        for (int i = 0; i < m_columns.length; i++) {
            m_columns[i].save(c.addConfig("column_spec_" + i));
        }
    }

    public static DataTableSpec load(final ConfigRO config) throws InvalidSettingsException {
        final int n = config.getInt("number_columns");
        final List<DataColumnSpec> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add(DataColumnSpec.load(config.getConfig("column_spec_" + i)));
        }
        return new DataTableSpec(config.getString("spec_name"), columns.toArray(new DataColumnSpec[0]));
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && Arrays.equals(m_columns, ((DataTableSpec) obj).m_columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_columns);
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + Arrays.toString(m_columns);
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
