package org.knime.core.data;

import java.util.Objects;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Stand-in for KNIME 5.1's {@code DataColumnSpec}: name, type and domain of a column. */
public final class DataColumnSpec {

    private final String m_name;

    private final DataType m_type;

    private final DataColumnDomain m_domain;

    private DataColumnSpec(final String name, final DataType type, final DataColumnDomain domain) {
        m_name = Objects.requireNonNull(name, "Column name must not be null.");
        m_type = Objects.requireNonNull(type, "Column type must not be null.");
        m_domain = domain;
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    public DataColumnDomain getDomain() {
        return m_domain;
    }

    public void save(final ConfigWO config) {
        config.addString("column_name", m_name);
        m_type.save(((org.knime.core.node.config.Config) config).addConfig("column_type"));
        m_domain.save(((org.knime.core.node.config.Config) config).addConfig("column_domain"));
    }

    public static DataColumnSpec load(final ConfigRO config) throws InvalidSettingsException {
        // KNIME's DataColumnSpec#load calls the constructor: a saved name is taken as it is, not trimmed
        return new DataColumnSpec(config.getString("column_name"), DataType.load(config.getConfig("column_type")),
            DataColumnDomain.load(config.getConfig("column_domain")));
    }

    /** Same name, and a type that {@code cspec}'s type is a super type of; domains are ignored. */
    public boolean isCompatibleWith(final DataColumnSpec cspec) {
        if (cspec == this) {
            return true;
        }
        return cspec != null && m_name.equals(cspec.m_name) && cspec.m_type.isASuperTypeOf(m_type);
    }

    /** Same name and type; domains are ignored. */
    public boolean equalStructure(final DataColumnSpec cspec) {
        if (cspec == this) {
            return true;
        }
        return cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof DataColumnSpec)) {
            return false;
        }
        final DataColumnSpec other = (DataColumnSpec) o;
        return m_name.equals(other.m_name) && m_type.equals(other.m_type) && m_domain.equals(other.m_domain);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }
}
