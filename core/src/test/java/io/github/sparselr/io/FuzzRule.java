package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule every reader's fuzz target checks: the reader returns a dataset or throws its own format
 * exception with a message; any other throwable (an index out of bounds, an OutOfMemoryError from a
 * claim, a bare IOException from a decompressor) is a finding. Taking too long is a finding too: the
 * fuzz tests carry a {@code @Timeout}, which Jazzer also applies to each input when fuzzing.
 */
final class FuzzRule {

    /** Code that reads something. */
    interface Read {
        void run() throws IOException;
    }

    private static Path scratch;

    private FuzzRule() {
    }

    /** Runs a read, letting through only the reader's own format exception, which must say something. */
    static void readsOrRejects(final Class<? extends IOException> formatException, final Read read) {
        try {
            read.run();
        } catch (IOException e) {
            if (!formatException.isInstance(e)) {
                throw new AssertionError("not a " + formatException.getSimpleName() + ": " + e, e);
            }
            assertThat(e.getMessage()).as("the format exception's message").isNotBlank();
        }
    }

    /** Deletes a scratch file if it exists. */
    static void delete(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file in a scratch folder (one per JVM), overwritten with the given bytes. */
    static Path file(final String name, final byte[] bytes) {
        try {
            if (scratch == null) {
                scratch = Files.createTempDirectory("sparselr-fuzz");
                scratch.toFile().deleteOnExit();
            }
            final Path file = scratch.resolve(name);
            if (!Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
                file.getParent().toFile().deleteOnExit();
            }
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
