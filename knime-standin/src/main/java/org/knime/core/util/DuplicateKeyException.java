package org.knime.core.util;

/** Stand-in for KNIME 5.1's {@code DuplicateKeyException}: a row key that a table holds twice. */
public class DuplicateKeyException extends RuntimeException {

    private final String m_key;

    public DuplicateKeyException(final String key) {
        this("Duplicate key detected: \"" + key + "\"", key);
    }

    public DuplicateKeyException(final String message, final String key) {
        super(message);
        m_key = key;
    }

    public DuplicateKeyException(final DuplicateKeyException cause) {
        super(cause.getMessage(), cause);
        m_key = cause.m_key;
    }

    public String getKey() {
        return m_key;
    }
}
