package io.github.sparselr.openml;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A process that holds a part file the way a download does (locked while writing) until it is killed,
 * or for at most a minute: a download in another process, alive or killed by {@code kill -9}.
 */
final class PartFileHolder {

    private PartFileHolder() {
    }

    public static void main(final String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
