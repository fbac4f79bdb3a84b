package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code RowKey}: a row's unique ID. */
public final class RowKey {

    private final String m_id;

    public RowKey(final String id) {
        if (id == null) {
            throw new NullPointerException("Row key must not be null.");
        }
        m_id = id;
    }

    public String getString() {
        return m_id;
    }

    @Override
    public String toString() {
        return m_id;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey) obj).m_id.equals(m_id);
    }

    @Override
    public int hashCode() {
        return m_id.hashCode();
    }

    public static RowKey createRowKey(final int rowIndex) {
        return new RowKey("Row" + rowIndex);
    }

    public static RowKey createRowKey(final long rowIndex) {
        return new RowKey("Row" + rowIndex);
    }
}
