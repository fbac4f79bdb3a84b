package io.github.sparselr.openml;

/**
 * Every attempt to reach OpenML failed for reasons another attempt might cure (no network, a
 * timeout, a server error, a body cut short): the server could not be used just now.
 */
public final class OpenMlUnavailableException extends OpenMlException {

    private static final long serialVersionUID = 1L;

    public OpenMlUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
