package io.github.sparselr.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * The lock file {@code .NAME.lock} next to an output folder, which keeps two runs from writing one folder
 * at once. The lock is the operating system's, so a killed run releases it. sparselr creates the file
 * new (never through a link) and writes {@code sparselr run, process N} into it; a file at that path
 * that is anything else (a link, a folder, a file of other content) is the user's and is never opened for
 * writing, truncated or removed. One left by a killed run (ours, unlocked) is taken over.
 */
final class OutputLock implements AutoCloseable {

    private static final Pattern OURS = Pattern.compile("sparselr run, process \\d+\n");

    private final Path file;
    private final FileChannel channel;
    private final Object identity;

    private OutputLock(final Path file, final FileChannel channel, final Object identity) {
        this.file = file;
        this.channel = channel;
        this.identity = identity;
    }

    /**
     * Takes the lock on {@code file}. The holder removes the lock file before it releases the lock, so a
     * run that opened the file just before may lock a file no longer at the path; it then starts again.
     * Whether the locked file is the one at the path is told by the file's identity (device and inode)
     * before opening and after locking: an open file's inode cannot be reused, so if both are the same,
     * the file at the path is the one locked. Nothing else in this JVM may open the lock file: closing
     * any descriptor of a file releases the process's POSIX locks on it.
     */
    static OutputLock take(final Path file, final Path target) throws OutputFolder.RefusedException, IOException {
        final String owner = "sparselr run, process " + ProcessHandle.current().pid() + "\n";
        for (int attempt = 0; attempt < 20; attempt++) {
            FileChannel channel;
            boolean created = true;
            try {
                // CREATE_NEW fails on any existing name, a dangling link included (O_CREAT|O_EXCL)
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
            } catch (FileAlreadyExistsException e) {
                channel = openExisting(file, target);
                created = false;
                if (channel == null) {
                    continue; // removed meanwhile
                }
            } catch (AccessDeniedException e) {
                throw new OutputFolder.RefusedException("--out " + target + ": cannot create the lock file " + file
                    + ", as you may not write into " + file.getParent() + ". Give --out a folder in a place you may "
                    + "write to.");
            }
            final Object before = identity(file);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new OutputFolder.RefusedException("Another sparselr run is writing --out " + target + " now (it "
                    + "holds " + file + "); wait for it to finish, or give another --out.");
            }
            if (!created) {
                final String content = contentOf(channel);
                if (content.isEmpty()) {
                    channel.close(); // another run has just created it and writes its line now
                    sleep();
                    continue;
                }
                if (!OURS.matcher(content).matches()) {
                    channel.close();
                    throw notOurs(file, target);
                }
            }
            final Object after = identity(file);
            if (after != null && after.equals(before)) {
                if (!created) { // a killed run's: ours now
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
                }
                return new OutputLock(file, channel, after);
            }
            channel.close(); // removed or replaced by the run that held it: try again
        }
        throw new IOException("Cannot take the lock " + file + "; other sparselr runs keep replacing it.");
    }

    /** Opens an existing lock file for locking, if it is a regular file; null if it is gone. */
    private static FileChannel openExisting(final Path file, final Path target)
        throws OutputFolder.RefusedException, IOException {
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                throw notOurs(file, target);
            }
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw notOurs(file, target);
        } catch (FileSystemException e) {
            throw notOurs(file, target); // e.g. a link put there since (ELOOP)
        }
    }

    private static OutputFolder.RefusedException notOurs(final Path file, final Path target) {
        return new OutputFolder.RefusedException("--out " + target + ": " + file + " exists and is not a lock file "
            + "of sparselr (sparselr writes 'sparselr run, process N' into a regular file there); sparselr does not "
            + "touch it. Move it away, or give another --out.");
    }

    /** The file's first bytes (a lock file of ours holds one short line). */
    private static String contentOf(final FileChannel channel) throws IOException {
        final ByteBuffer buffer = ByteBuffer.allocate(100);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read on
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** The file's identity (device and inode where the file system has them), or null if it does not exist. */
    private static Object identity(final Path file) throws IOException {
        try {
            final Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
            return key != null ? key : file;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the lock file (if it is still the one locked) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (identity.equals(identity(file))) {
                Files.deleteIfExists(file); // while still holding the lock: see take()
            }
        } finally {
            channel.close();
        }
    }
}
