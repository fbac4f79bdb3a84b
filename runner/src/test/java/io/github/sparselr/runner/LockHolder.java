package io.github.sparselr.runner;

import java.nio.file.Path;

/**
 * Another process writing an output folder, for {@link OutputFolderTest}: claims {@code args[0]} for
 * the workflow {@code args[1]}, prints "held", and releases the folder when its standard input ends.
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(final String[] args) throws Exception {
        try (OutputFolder folder = OutputFolder.claim(Path.of(args[0]), Path.of(args[1]))) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait
            }
        }
    }
}
