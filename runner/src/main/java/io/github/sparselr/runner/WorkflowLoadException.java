package io.github.sparselr.runner;

/** The workflow cannot be loaded as given (KNIME's batch exit code 3); the message says what and where. */
public final class WorkflowLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    public WorkflowLoadException(final String message) {
        super(message);
    }

    public WorkflowLoadException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
