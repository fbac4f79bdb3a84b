package io.github.sparselr.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The marker file {@value OutputFolder#MARKER} in an output folder: it says sparselr wrote the folder,
 * whether the output is complete, and every file and folder sparselr wrote there, each file with its
 * size and SHA-256, so that a file the user changed afterwards is never replaced unnoticed.
 */
final class Marker {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The largest marker read; one line per written file. */
    private static final long MAX_BYTES = 16L << 20;

    /** What the marker records of one path: a folder, or a file's size and SHA-256. */
    record Entry(boolean folder, long size, String sha256) {

        /** Whether {@code path} is still what sparselr wrote (links are never followed). */
        boolean matches(final Path path) throws IOException {
            if (folder) {
                return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            }
            return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.size(path) == size
                && Marker.sha256(path).equals(sha256);
        }
    }

    private Marker() {
    }

    /** Writes the marker listing everything in {@code folder} (written last, by a rename). */
    static void write(final Path folder, final boolean complete) throws IOException {
        final Map<String, Object> files = new TreeMap<>();
        for (final String name : filesIn(folder)) {
            if (name.equals(OutputFolder.MARKER)) {
                continue;
            }
            final Path path = folder.resolve(name);
            final Map<String, Object> entry = new LinkedHashMap<>();
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                entry.put("folder", true);
            } else {
                entry.put("size", Files.size(path));
                entry.put("sha256", sha256(path));
            }
            files.put(name, entry);
        }
        final Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("written_by", "sparselr");
        marker.put("complete", complete);
        marker.put("files", files);
        final Path temp = folder.resolve(OutputFolder.MARKER + ".tmp");
        JSON.writeValue(temp.toFile(), marker);
        Files.move(temp, folder.resolve(OutputFolder.MARKER), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What the folder's marker records, or null if it has none that this sparselr wrote (no marker, or
     * one of an older sparselr that recorded names only, which cannot tell whether a file changed).
     */
    static Map<String, Entry> read(final Path folder) {
        final JsonNode json = json(folder);
        if (json == null || !json.path("files").isObject()) {
            return null;
        }
        final Map<String, Entry> entries = new TreeMap<>();
        for (final Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) json.path("files")::fields) {
            final JsonNode v = e.getValue();
            if (v.path("folder").asBoolean(false)) {
                entries.put(e.getKey(), new Entry(true, 0, null));
            } else if (v.path("size").canConvertToLong() && v.path("sha256").isTextual()) {
                entries.put(e.getKey(), new Entry(false, v.path("size").asLong(), v.path("sha256").asText()));
            } else {
                return null;
            }
        }
        return entries;
    }

    /** Whether the folder carries a marker of sparselr (any version). */
    static boolean present(final Path folder) {
        return json(folder) != null;
    }

    /** Whether the folder's marker says its output is complete and every file it lists is as written. */
    static boolean completeAndIntact(final Path folder) throws IOException {
        final JsonNode json = json(folder);
        final Map<String, Entry> entries = read(folder);
        if (json == null || entries == null || !json.path("complete").asBoolean(false)) {
            return false;
        }
        for (final Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!e.getValue().matches(folder.resolve(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode json(final Path folder) {
        final Path marker = folder.resolve(OutputFolder.MARKER);
        try {
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) || Files.size(marker) > MAX_BYTES) {
                return null;
            }
            final JsonNode json = JSON.readTree(marker.toFile());
            return json != null && "sparselr".equals(json.path("written_by").asText()) ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Every file and folder below {@code folder}, as relative paths with '/'. */
    static Set<String> filesIn(final Path folder) throws IOException {
        final Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(folder)) {
            all.filter(p -> !p.equals(folder))
                .forEach(p -> files.add(folder.relativize(p).toString().replace('\\', '/')));
        }
        return files;
    }

    private static String sha256(final Path file) throws IOException {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, StandardOpenOption.READ,
            LinkOption.NOFOLLOW_LINKS), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
