package io.github.sparselr.io;

import java.io.IOException;

/** An ARFF file that cannot be read; the message names the line and, where it can, the attribute. */
public final class ArffFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ArffFormatException(final String message) {
        super(message);
    }
}
