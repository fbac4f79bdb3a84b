package io.github.sparselr.runner;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a killed run leaves next to an output folder NAME: {@code .NAME.part-*} (a new output, complete
 * once its marker says so) and {@code .NAME.old-*} (the earlier output, moved aside for the swap). Only
 * folders carrying sparselr's marker are touched.
 */
final class Leftovers {

    private Leftovers() {
    }

    /**
     * If {@code destination} is missing because a run was killed between the two renames of its swap,
     * moves the output back: the new one if its marker says it is complete and its files are intact,
     * else the old one. Returns the folder restored from, or null.
     */
    static Path restore(final Path destination) throws IOException {
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        for (final String kind : List.of(".part-", ".old-")) {
            final List<Path> candidates = new ArrayList<>();
            for (final Path p : of(destination, kind)) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && Marker.completeAndIntact(p)) {
                    candidates.add(p);
                }
            }
            if (!candidates.isEmpty()) {
                candidates.sort(Comparator.comparing((Path p) -> lastModified(p)).reversed());
                Files.move(candidates.get(0), destination, StandardCopyOption.ATOMIC_MOVE);
                return candidates.get(0);
            }
        }
        return null;
    }

    /** Removes the leftover folders of {@code destination} that carry sparselr's marker. */
    static void remove(final Path destination) throws IOException {
        for (final String kind : List.of(".part-", ".old-")) {
            for (final Path leftover : of(destination, kind)) {
                if (Files.isDirectory(leftover, LinkOption.NOFOLLOW_LINKS) && Marker.present(leftover)) {
                    OutputFolder.deleteRecursively(leftover);
                }
            }
        }
    }

    private static List<Path> of(final Path destination, final String kind) throws IOException {
        final String prefix = "." + destination.getFileName() + kind;
        final List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(destination.getParent(),
            p -> p.getFileName().toString().startsWith(prefix))) {
            siblings.forEach(found::add);
        }
        return found;
    }

    private static long lastModified(final Path p) {
        try {
            return Files.getLastModifiedTime(p.resolve(OutputFolder.MARKER), LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
