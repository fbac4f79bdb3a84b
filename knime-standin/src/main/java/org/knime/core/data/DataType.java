package org.knime.core.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Stand-in for KNIME 5.1's {@code DataType}: identified by its cell class; compatible with a value
 * interface when the cell class implements it.
 */
public final class DataType {

    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    /** The missing cell; private here, package-private in KNIME. */
    private static final class MissingCell extends DataCell {
        private static final long serialVersionUID = 1L;
        private static final MissingCell INSTANCE = new MissingCell();

        @Override
        public boolean isMissing() {
            return true;
        }

        @Override
        public String toString() {
            return "?";
        }

        @Override
        protected boolean equalsDataCell(final DataCell dc) {
            return true;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    private final Class<? extends DataCell> m_cellClass;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        if (cell == null) {
            throw new NullPointerException("Cell class must not be null.");
        }
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    public static DataCell getMissingCell() {
        return MissingCell.INSTANCE;
    }

    public static DataType load(final ConfigRO config) throws InvalidSettingsException {
        final String className = config.getString("cell_class");
        for (final Class<? extends DataCell> known : List.of(org.knime.core.data.def.DoubleCell.class,
            org.knime.core.data.def.IntCell.class, org.knime.core.data.def.StringCell.class,
            org.knime.core.data.image.png.PNGImageCell.class, MissingCell.class)) {
            if (known.getName().equals(className)) {
                return getType(known);
            }
        }
        throw new InvalidSettingsException("The stand-in knows no cell class '" + className + "'.");
    }

    public void save(final ConfigWO config) {
        config.addString("cell_class", m_cellClass.getName());
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            return false;
        }
        if (equals(type) || type.m_cellClass == MissingCell.class) {
            return true;
        }
        return type.getValueClasses().containsAll(getValueClasses());
    }

    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    public List<Class<? extends DataValue>> getValueClasses() {
        final Set<Class<? extends DataValue>> values = new LinkedHashSet<>();
        collectValueClasses(m_cellClass, values);
        return new ArrayList<>(values);
    }

    @SuppressWarnings("unchecked")
    private static void collectValueClasses(final Class<?> c, final Set<Class<? extends DataValue>> out) {
        if (c == null) {
            return;
        }
        for (final Class<?> i : c.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(i) && i != DataValue.class) {
                out.add((Class<? extends DataValue>) i);
            }
            collectValueClasses(i, out);
        }
        collectValueClasses(c.getSuperclass(), out);
    }

    public String getName() {
        final String simple = m_cellClass.getSimpleName();
        switch (simple) {
            case "DoubleCell": return "Number (double)";
            case "IntCell": return "Number (integer)";
            case "StringCell": return "String";
            case "MissingCell": return "Missing";
            default: return simple.endsWith("Cell") ? simple.substring(0, simple.length() - 4) : simple;
        }
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType && ((DataType) other).m_cellClass == m_cellClass;
    }

    @Override
    public int hashCode() {
        return m_cellClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return getName();
    }
}
