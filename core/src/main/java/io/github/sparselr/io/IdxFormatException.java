package io.github.sparselr.io;

import java.io.IOException;

/** An IDX file whose header or length is wrong; the message says what and where. */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public IdxFormatException(final String message) {
        super(message);
    }
}
