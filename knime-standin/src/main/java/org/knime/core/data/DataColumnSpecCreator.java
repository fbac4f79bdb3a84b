package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code DataColumnSpecCreator}. */
public final class DataColumnSpecCreator {

    /** KNIME's {@code emptyColumnCount}: numbers the artificial names of empty column names. */
    private static final java.util.concurrent.atomic.AtomicInteger EMPTY_COLUMN_COUNT =
        new java.util.concurrent.atomic.AtomicInteger();

    private String m_name;

    private DataType m_type;

    private DataColumnDomain m_domain;

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
        m_domain = new DataColumnDomainCreator().createDomain();
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        // KNIME's copy constructor takes the name as it is (no setName, so no trimming)
        m_name = cspec.getName();
        m_type = cspec.getType();
        m_domain = cspec.getDomain();
    }

    /**
     * As KNIME's {@code DataColumnSpecCreator#setName}: the name is trimmed, and an empty (or blank) name
     * becomes {@code <empty_N>}, N counting up over the JVM's life. So " a" and "a" name the same column.
     */
    public void setName(final String name) {
        if (name == null) {
            throw new NullPointerException("Name of DataColumnSpec must not be null!");
        }
        String validName = name.trim();
        if (validName.isEmpty()) {
            validName = "<empty_" + EMPTY_COLUMN_COUNT.incrementAndGet() + ">";
        }
        m_name = validName;
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
