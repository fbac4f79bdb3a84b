package io.github.sparselr.knime.standin;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Wrappers that ignore close(), so that a reader or writer of one zip entry leaves the zip open. */
public final class NonClosingStreams {

    private NonClosingStreams() {
    }

    public static InputStream of(final InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream stays open for the next entry
            }
        };
    }

    public static OutputStream of(final OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
