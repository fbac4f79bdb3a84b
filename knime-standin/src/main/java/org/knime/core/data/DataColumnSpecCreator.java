package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code DataColumnSpecCreator}. */
public final class DataColumnSpecCreator {

    private String m_name;

    private DataType m_type;

    private DataColumnDomain m_domain;

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
        m_domain = new DataColumnDomainCreator().createDomain();
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        this(cspec.getName(), cspec.getType());
        m_domain = cspec.getDomain();
    }

    public void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        m_name = name;
    }

    public void setType(final DataType type) {
        if (type == null) {
            throw new NullPointerException("Type of DataColumnSpec must not be null!");
        }
        m_type = type;
    }

    public void setDomain(final DataColumnDomain domain) {
        m_domain = domain == null ? new DataColumnDomainCreator().createDomain() : domain;
    }

    public DataType getType() {
        return m_type;
    }

    public DataColumnSpec createSpec() {
        return io.github.sparselr.knime.standin.StandinInternals.construct(DataColumnSpec.class,
            new Class<?>[] {String.class, DataType.class, DataColumnDomain.class}, m_name, m_type, m_domain);
    }
}
