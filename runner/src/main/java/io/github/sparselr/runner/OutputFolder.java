package io.github.sparselr.runner;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The {@code --out} folder's life. sparselr replaces only a folder it wrote itself: one that holds the
 * marker file {@value #MARKER} ({@link Marker}), which lists every file sparselr wrote there with its size
 * and SHA-256, and nothing else, nothing changed. A new output is built in a hidden sibling
 * {@code .NAME.part-*} and swapped in whole; a failed run's output goes to the sibling
 * {@code NAME.failed}, never over a good one. A lock file {@code .NAME.lock} next to the folder
 * ({@link OutputLock}) keeps two runs from writing one folder at once; the next run restores or removes
 * what a killed run left ({@link Leftovers}).
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

    private final Path target;
    private final OutputLock lock;

    private OutputFolder(final Path target, final OutputLock lock) {
        this.target = target;
        this.lock = lock;
    }

    /**
     * Checks {@code --out} before anything runs, takes its lock, restores an output a killed run left
     * between the two renames of its final swap, and removes earlier runs' other leftovers.
     *
     * @param out the folder as given (resolved against the working directory)
     * @param workflowDir the workflow folder, which the output must neither be, hold nor lie in
     * @throws RefusedException if the folder is not sparselr's to replace, or another run writes it now
     */
    static OutputFolder claim(final Path out, final Path workflowDir) throws RefusedException, IOException {
        return claim(out, workflowDir, new ArrayList<>());
    }

    /**
     * Checks {@code --out} as {@link #claim(Path, Path)} does.
     *
     * @param notes receives a line for each thing done that the user should hear of (a restored output)
     */
    static OutputFolder claim(final Path out, final Path workflowDir, final List<String> notes)
        throws RefusedException, IOException {
        final Path target = out.toAbsolutePath().normalize();
        if (target.getFileName() == null) {
            throw new RefusedException("--out " + target + " is the file system's root; give a folder for the "
                + "outputs, e.g. --out sparselr-out.");
        }
        final Path workflow = workflowDir.toAbsolutePath().normalize();
        final Path here = Path.of("").toAbsolutePath().normalize();
        for (final Path[] pair : List.of(new Path[] {target, workflow, here},
            new Path[] {realOf(target), realOf(workflow), realOf(here)})) {
            if (pair[1].startsWith(pair[0])) {
                throw new RefusedException("--out " + target + " is the workflow folder " + workflow + " or holds it; "
                    + "sparselr never writes over a workflow. Give --out a folder outside it, e.g. --out sparselr-out/"
                    + workflow.getFileName() + ".");
            }
            if (pair[0].startsWith(pair[1])) {
                throw new RefusedException("--out " + target + " lies inside the workflow folder " + workflow
                    + "; sparselr never writes into a workflow. Give --out a folder outside it.");
            }
            if (pair[2].startsWith(pair[0])) {
                throw new RefusedException("--out " + target + " is the current directory or holds it; sparselr "
                    + "replaces the output folder whole, which would leave your shell in a deleted folder. Give --out "
                    + "a new folder, e.g. --out sparselr-out.");
            }
        }
        for (Path above = target.getParent(); above != null; above = above.getParent()) {
            if (Files.isRegularFile(above.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                throw new RefusedException("--out " + target + " lies inside an earlier sparselr output, " + above
                    + ", which the next run there would replace whole. Give --out a folder outside it.");
            }
        }
        final Path parent = target.getParent();
        createParents(parent, target);
        final Path lockFile = parent.resolve("." + target.getFileName() + ".lock");
        final OutputFolder folder = new OutputFolder(target, OutputLock.take(lockFile, target));
        try {
            for (final Path destination : List.of(target, folder.failedTarget())) {
                final Path restored = Leftovers.restore(destination);
                if (restored != null) {
                    notes.add("sparselr: restored " + destination + " from " + restored.getFileName() + ", which a "
                        + "run killed during its final swap left.");
                }
                Leftovers.remove(destination);
                try {
                    checkReplaceable(destination);
                } catch (RefusedException e) {
                    throw destination.equals(target) ? e : new RefusedException("A failed run writes its outputs to "
                        + destination + ", checked before the run: " + e.getMessage());
                }
            }
            return folder;
        } catch (RefusedException | IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /** The folders above --out, created as needed; a file or a read-only folder in the way is named. */
    private static void createParents(final Path parent, final Path target) throws RefusedException, IOException {
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new RefusedException("--out " + target + " cannot be created: " + e.getFile() + " is a file, not a "
                + "folder. Give --out a path whose parents are folders, or move the file away.");
        } catch (AccessDeniedException e) {
            throw new RefusedException("--out " + target + " cannot be created: you may not write into the folder "
                + "above " + e.getFile() + ". Give --out a folder in a place you may write to.");
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
     * adds the marker, and swaps it in place of the earlier output, which must be sparselr's and as
     * sparselr wrote it. An existing folder's permissions are kept. If the earlier output changed during
     * the run, the new output is kept beside it under a name the exception's message gives.
     */
    void publish(final Path destination, final Content content) throws RefusedException, IOException {
        final Path part = destination.resolveSibling("." + destination.getFileName() + ".part-" + UUID.randomUUID());
        Files.createDirectory(part); // default permissions, as the umask says
        try {
            // marked from the start, so that the next run may remove it if this one is killed
            Marker.write(part, false);
            content.writeInto(part);
            Marker.write(part, true);
            try {
                checkReplaceable(destination);
            } catch (RefusedException e) {
                final Path kept = keep(part, destination);
                throw new RefusedException(e.getMessage() + " The finished outputs are kept in " + kept + ".");
            }
            Path old = null;
            if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
                copyPermissions(destination, part);
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

    /** Moves a finished output that cannot replace {@code destination} to the first free {@code NAME.new-N}. */
    private static Path keep(final Path part, final Path destination) throws IOException {
        for (int n = 1;; n++) {
            final Path kept = destination.resolveSibling(destination.getFileName() + ".new-" + n);
            if (!Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE);
                return kept;
            }
        }
    }

    /** Gives the new output the permissions of the folder it replaces (e.g. a private folder stays private). */
    private static void copyPermissions(final Path from, final Path to) throws IOException {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: nothing to keep
        }
    }

    /** Releases the lock and removes the lock file. */
    @Override
    public void close() throws IOException {
        lock.close();
    }

    /**
     * Whether {@code folder} may be replaced: it does not exist, is an empty folder, or is an output of
     * sparselr whose files are all as sparselr wrote them (the marker records each one's size and SHA-256).
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
        final Set<String> present = Marker.filesIn(folder);
        if (present.isEmpty()) {
            return;
        }
        final Map<String, Marker.Entry> written = Marker.read(folder);
        if (written == null && Marker.present(folder)) {
            throw new RefusedException(folder + " is an output of an older sparselr, whose marker does not record "
                + "what the files held; sparselr cannot tell whether you changed them, so it does not replace the "
                + "folder. Remove it by hand if you no longer need it, or give --out another folder.");
        }
        if (written == null) {
            throw new RefusedException(folder + " holds files sparselr did not write (e.g. '"
                + present.iterator().next() + "'); sparselr replaces only a folder it wrote itself (one with its "
                + "marker file " + MARKER + "). Give --out a new or empty folder, or move those files away. (An "
                + "output of a sparselr older than the marker, or a copy of an output without it, is not replaced: "
                + "remove it by hand if you no longer need it.)");
        }
        present.remove(MARKER);
        for (final String file : present) {
            final Marker.Entry entry = written.get(file);
            if (entry == null) {
                throw new RefusedException(folder + " is an earlier sparselr output, but now also holds '" + file
                    + "', which sparselr did not write; move it away (or give --out another folder), and sparselr "
                    + "will replace the folder.");
            }
            if (!entry.matches(folder.resolve(file))) {
                throw new RefusedException(folder + " is an earlier sparselr output, but '" + file + "' changed since "
                    + "sparselr wrote it; move the folder or that file away (or give --out another folder), and "
                    + "sparselr will write a new output.");
            }
        }
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
