package io.github.sparselr.openml;

import java.io.IOException;

/** OpenML could not deliver what was asked; the message says what failed and what to do. */
public class OpenMlException extends IOException {

    private static final long serialVersionUID = 1L;

    public OpenMlException(final String message) {
        super(message);
    }

    public OpenMlException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
