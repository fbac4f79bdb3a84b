package org.knime.core.node;

/** Stand-in for KNIME 5.1's {@code CanceledExecutionException}. */
public class CanceledExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super();
    }

    public CanceledExecutionException(final String s) {
        super(s);
    }
}
