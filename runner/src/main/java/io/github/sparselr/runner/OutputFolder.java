package io.github.sparselr.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The {@code --out} folder's life. sparselr replaces only a folder it wrote itself: one that holds the
 * marker file {@value #MARKER}, which lists every file sparselr wrote there, and nothing else. A new
 * output is built in a hidden sibling {@code .NAME.part-*} and swapped in whole; a failed run's output
 * goes to the sibling {@code NAME.failed}, never over a good one. A lock file {@code .NAME.lock} next
 * to the folder keeps two runs from writing one folder at once; the lock is the operating system's, so
 * a killed run releases it, and the next run removes the leftovers it left ({@code .NAME.part-*},
 * {@code .NAME.old-*}, only those that hold the marker).
 */
final class OutputFolder implements AutoCloseable {

    /** The marker file sparselr writes into every output folder. */
    static final String MARKER = ".sparselr-output";

    /** The suffix of the sibling that receives a failed run's output. */
    static final String FAILED_SUFFIX = ".failed";

    /** --out cannot be used as given; the message says why and what to do (exit code 2). */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(final String message) {
            super(message);
        }
    }

    /** Writes an output's files into a fresh folder. */
    @FunctionalInterface
    interface Content {
        void writeInto(Path folder) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path target;
    private final Path lockFile;
    private final FileChannel lockChannel;

    private OutputFolder(final Path target, final Path lockFile, final FileChannel lockChannel) {
        this.target = target;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
    }

    /**
     * Checks {@code --out} before anything runs, takes its lock and removes earlier runs' leftovers.
     *
     * @param out the folder as given (resolved against the working directory)
     * @param workflowDir the workflow folder, which the output must neither be, hold nor lie in
     * @throws RefusedException if the folder is not sparselr's to replace, or another run writes it now
     */
    static OutputFolder claim(final Path out, final Path workflowDir) throws RefusedException, IOException {
        final Path target = out.toAbsolutePath().normalize();
        if (target.getFileName() == null) {
            throw new RefusedException("--out " + target + " is the file system's root; give a folder for the "
                + "outputs, e.g. --out sparselr-out.");
        }
        final Path workflow = workflowDir.toAbsolutePath().normalize();
        for (final Path[] pair : List.of(new Path[] {target, workflow}, new Path[] {realOf(target), realOf(workflow)})) {
            if (pair[1].startsWith(pair[0])) {
                throw new RefusedException("--out " + target + " is the workflow folder " + workflow + " or holds it; "
                    + "sparselr never writes over a workflow. Give --out a folder outside it, e.g. --out sparselr-out/"
                    + workflow.getFileName() + ".");
            }
            if (pair[0].startsWith(pair[1])) {
                throw new RefusedException("--out " + target + " lies inside the workflow folder " + workflow
                    + "; sparselr never writes into a workflow. Give --out a folder outside it.");
            }
        }
        final Path parent = target.getParent();
        Files.createDirectories(parent);
        final Path lockFile = parent.resolve("." + target.getFileName() + ".lock");
        final OutputFolder folder = new OutputFolder(target, lockFile, lock(lockFile, target));
        try {
            folder.removeLeftovers(target);
            folder.removeLeftovers(folder.failedTarget());
            checkReplaceable(target);
            return folder;
        } catch (RefusedException | IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /** The folder the outputs of a successful run go to. */
    Path target() {
        return target;
    }

    /** The sibling a failed run's outputs go to: {@code NAME.failed}. */
    Path failedTarget() {
        return target.resolveSibling(target.getFileName() + FAILED_SUFFIX);
    }

    /**
     * Writes {@code content} into a hidden sibling of {@code destination} (target or failed target),
     * adds the marker, and swaps it in place of the earlier output, which must be sparselr's.
     */
    void publish(final Path destination, final Content content) throws RefusedException, IOException {
        checkReplaceable(destination);
        final Path part = destination.resolveSibling("." + destination.getFileName() + ".part-" + UUID.randomUUID());
        Files.createDirectory(part); // default permissions, as the umask says
        try {
            // marked from the start, so that the next run may remove it if this one is killed
            writeMarker(part, List.of(), false);
            content.writeInto(part);
            writeMarker(part, filesIn(part), true);
            Path old = null;
            if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                checkReplaceable(destination);
                old = destination.resolveSibling("." + destination.getFileName() + ".old-" + UUID.randomUUID());
                Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(part, destination, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                deleteRecursively(old);
            }
        } finally {
            deleteRecursively(part);
        }
    }

    /** Releases the lock and removes the lock file. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(lockFile); // while still holding the lock: see lock()
        } finally {
            lockChannel.close();
        }
    }

    /**
     * Takes the lock on {@code file}. The holder removes the lock file before it releases the lock, so a
     * run that opened the file just before may lock a file no longer at the path; it then starts again.
     * Whether the locked file is the one at the path is told by the file's identity (device and inode)
     * before opening and after locking: an open file's inode cannot be reused, so if both are the same,
     * the file at the path is the one locked. Nothing else in this JVM may open the lock file: closing
     * any descriptor of a file releases the process's POSIX locks on it.
     */
    private static FileChannel lock(final Path file, final Path target) throws RefusedException, IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            final Object before = identity(file);
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
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
                throw new RefusedException("Another sparselr run is writing --out " + target + " now (it holds "
                    + file + "); wait for it to finish, or give another --out.");
            }
            final Object after = identity(file);
            if (after != null && (before == null ? isNew(channel) : before.equals(after))) {
                final String owner = "sparselr run, process " + ProcessHandle.current().pid() + "\n";
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
                return channel;
            }
            channel.close(); // removed or replaced by the run that held it: try again
        }
        throw new IOException("Cannot take the lock " + file + "; other sparselr runs keep replacing it.");
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

    /** Whether the channel's file is still empty: created by this run's open, not yet claimed by another. */
    private static boolean isNew(final FileChannel channel) throws IOException {
        return channel.size() == 0;
    }

    /** Removes {@code .NAME.part-*} and {@code .NAME.old-*} folders of interrupted runs that carry the marker. */
    private void removeLeftovers(final Path destination) throws IOException {
        final String part = "." + destination.getFileName() + ".part-";
        final String old = "." + destination.getFileName() + ".old-";
        final List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(destination.getParent(),
            p -> p.getFileName().toString().startsWith(part) || p.getFileName().toString().startsWith(old))) {
            siblings.forEach(leftovers::add);
        }
        for (final Path leftover : leftovers) {
            if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(leftover.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(leftover);
            }
        }
    }

    /**
     * Whether {@code folder} may be replaced: it does not exist, is an empty folder, or is an output of
     * sparselr that holds only the files its marker lists.
     */
    static void checkReplaceable(final Path folder) throws RefusedException, IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(folder)) {
            throw new RefusedException(folder + " is a symbolic link; sparselr replaces only folders it wrote. Give "
                + "--out the folder itself, or a new name.");
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(folder + " is a file, not an output folder of sparselr; sparselr does not "
                + "replace it. Give --out a new folder name, or move the file away.");
        }
        final Set<String> present = filesIn(folder);
        if (present.isEmpty()) {
            return;
        }
        final Set<String> written = markedFiles(folder);
        if (written == null && isUnmarkedEarlierOutput(folder, present)) {
            return;
        }
        if (written == null) {
            throw new RefusedException(folder + " holds files sparselr did not write (e.g. '"
                + present.iterator().next() + "'); sparselr replaces only "
                + "a folder it wrote itself (one with its marker file " + MARKER + "). Give --out a new or empty "
                + "folder, or move those files away.");
        }
        present.remove(MARKER);
        present.removeAll(written);
        if (!present.isEmpty()) {
            throw new RefusedException(folder + " is an earlier sparselr output, but now also holds '"
                + present.iterator().next() + "', which sparselr did not write; move it away (or give --out "
                + "another folder), and sparselr will replace the folder.");
        }
    }

    /**
     * Whether the folder is an output of a sparselr from before the marker: report.json with the
     * workflow's nodes, and otherwise only node folders "Name (#id)" holding port_N.csv/png/txt.
     */
    private static boolean isUnmarkedEarlierOutput(final Path folder, final Set<String> present) {
        for (final String file : present) {
            if (!file.equals("report.json") && !file.matches("[^/]+ \\(#\\d+\\)(/port_\\d+\\.(csv|png|txt))?")) {
                return false;
            }
        }
        try {
            final Path report = folder.resolve("report.json");
            if (!present.contains("report.json") || Files.size(report) > 16 << 20) {
                return false;
            }
            final JsonNode json = JSON.readTree(report.toFile());
            return json != null && json.path("workflow").isTextual() && json.path("nodes").isArray()
                && json.path("succeeded").isBoolean();
        } catch (IOException e) {
            return false;
        }
    }

    /** The files the marker lists, or null if the folder has no valid marker. */
    private static Set<String> markedFiles(final Path folder) {
        final Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            if (Files.size(marker) > 16 << 20) {
                return null;
            }
            final JsonNode json = JSON.readTree(marker.toFile());
            if (json == null || !"sparselr".equals(json.path("written_by").asText()) || !json.path("files").isArray()) {
                return null;
            }
            final Set<String> files = new TreeSet<>();
            json.path("files").forEach(f -> files.add(f.asText()));
            return files;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeMarker(final Path folder, final Collection<String> files, final boolean complete)
        throws IOException {
        final Set<String> listed = new TreeSet<>(files);
        listed.remove(MARKER);
        final Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("written_by", "sparselr");
        marker.put("complete", complete);
        marker.put("files", listed);
        final Path temp = folder.resolve(MARKER + ".tmp");
        JSON.writeValue(temp.toFile(), marker);
        Files.move(temp, folder.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every file and folder below {@code folder}, as relative paths with '/'. */
    private static Set<String> filesIn(final Path folder) throws IOException {
        final Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(folder)) {
            all.filter(p -> !p.equals(folder))
                .forEach(p -> files.add(folder.relativize(p).toString().replace('\\', '/')));
        }
        return files;
    }

    /** The path with symbolic links resolved as far as it exists. */
    private static Path realOf(final Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path)).normalize();
    }

    /** Deletes a folder this run or an earlier sparselr run wrote; links are removed, never followed. */
    static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (final Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
