package io.github.sparselr.openml;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache's temporary download files, {@code .tmp/download-<random>.part} under the cache root. A
 * download writes its file under a lock and moves it into place when complete; one killed midway
 * ({@code kill -9}) leaves its file behind, which the next use of the cache deletes: a file of our
 * naming is stale once it has not changed for {@link #STALE_AFTER} and no live process holds its
 * lock. Nothing else in the folder is touched.
 */
final class PartFiles {

    /** How long a part file must have been left alone before it may be deleted. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    static final String PREFIX = "download-";
    static final String SUFFIX = ".part";

    /** This JVM's downloads in progress: never probed, since closing a probe would drop their lock. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private PartFiles() {
    }

    /** A new part file in {@code dir}, first deleting the stale ones there. */
    static Path create(final Path dir) throws IOException {
        Files.createDirectories(dir);
        deleteStale(dir, Instant.now().minus(STALE_AFTER));
        // createFile, not createTempFile: a cached file gets the permissions the umask gives, as the runner's
        // output does, not createTempFile's owner-only 0600 (the cache holds public data)
        Path file = null;
        while (file == null) {
            try {
                file = Files.createFile(dir.resolve(PREFIX + Long.toUnsignedString(RANDOM.nextLong()) + SUFFIX));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another name
            }
        }
        IN_USE.add(file.toAbsolutePath());
        return file;
    }

    /** Deletes a part file if it is still there (moved into place or not) and forgets it. */
    static void release(final Path file) throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            IN_USE.remove(file.toAbsolutePath());
        }
    }

    /** Locks a part file being written, so that other processes see it is alive (null where locks are not kept). */
    static FileLock lock(final FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (UnsupportedOperationException e) {
            return null; // e.g. some network file systems: the age alone then tells
        }
    }

    /** Deletes the part files in {@code dir} last changed before {@code cutoff} that no live process holds. */
    static void deleteStale(final Path dir, final Instant cutoff) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (final Path file : files) {
                // a link is not ours, and probing or deleting through it would reach what it points to
                if (IN_USE.contains(file.toAbsolutePath()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) || heldByLiveProcess(file)) {
                    continue;
                }
                Files.deleteIfExists(file);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing to clean
        }
    }

    private static boolean heldByLiveProcess(final Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (UnsupportedOperationException e) {
            return false; // no locks on this file system: the age alone tells
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }
}
