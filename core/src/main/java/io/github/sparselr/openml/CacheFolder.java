package io.github.sparselr.openml;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the OpenML client's cache keeps each answer, and the check that every such path stays inside
 * the cache folder (layout: see {@link OpenMlClient}).
 */
final class CacheFolder {

    /** The public server's cache folder, as scikit-learn names it. */
    static final String PUBLIC_CACHE_FOLDER = "openml.org";

    private static final Set<String> PUBLIC_HOSTS = Set.of("openml.org", "www.openml.org", "api.openml.org");

    private final OpenMlConfig config;

    CacheFolder(final OpenMlConfig config) {
        this.config = config;
    }

    /**
     * {@code <root>/<server folder>/<URL path>.gz}: the folder is {@value #PUBLIC_CACHE_FOLDER} for the
     * public server (scikit-learn's layout), else the server's host, and its port if one is given.
     */
    Path file(final URI uri) throws OpenMlException {
        // the cache is keyed by host and port, not scheme: a server URL that may not be used for downloads
        // (ftp://, http:// off loopback) must not be answered from the cache either
        HttpFetcher.checkAllowed(config.server(), false);
        final String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/+", "");
        if (path.isEmpty() || List.of(path.split("/")).contains("..") || path.contains("\\")) {
            throw new OpenMlException("Cannot cache " + uri + ": its path is not one OpenML's API uses.");
        }
        final Path folder = config.cacheRoot().resolve(serverFolder(uri));
        final Path file = folder.resolve(path + ".gz").normalize();
        if (!file.startsWith(folder)) {
            throw new OpenMlException("Cannot cache " + uri + ": its path is not one OpenML's API uses.");
        }
        confine(file);
        return file;
    }

    /**
     * Checks that a cache file stays in the cache: the real path of its nearest existing folder lies in
     * the real server folder, which lies in the real cache root, and the file itself is no symbolic link.
     * A link planted in the cache would otherwise make a stale-file delete or a move into place reach a
     * file sparselr never wrote.
     */
    void confine(final Path file) throws OpenMlException {
        final Path root = config.cacheRoot().toAbsolutePath().normalize();
        final Path absolute = file.toAbsolutePath().normalize();
        final Path server = root.resolve(absolute.startsWith(root) && absolute.getNameCount() > root.getNameCount()
            ? absolute.getName(root.getNameCount()).toString() : "");
        try {
            if (Files.isSymbolicLink(absolute)) {
                throw outOfCache(absolute, "it is a symbolic link");
            }
            Path existing = absolute.getParent();
            while (existing != null && !Files.exists(existing) && existing.startsWith(root)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.startsWith(root) || !Files.exists(existing)) {
                return; // nothing of the cache exists yet: whatever is created goes under the root
            }
            final Path realRoot = root.toRealPath();
            final Path real = existing.toRealPath();
            final Path realServer = Files.exists(server) ? server.toRealPath() : realRoot;
            if (!real.startsWith(realRoot) || !realServer.startsWith(realRoot)
                || existing.startsWith(server) && !real.startsWith(realServer)) {
                throw outOfCache(absolute, "its folder is really " + real);
            }
        } catch (OpenMlException e) {
            throw e;
        } catch (IOException e) {
            throw new OpenMlException("Cannot check the cache path " + absolute + ": " + e.getMessage()
                + ". Check the cache folder (setting cache_dir).", e);
        }
    }

    private OpenMlException outOfCache(final Path file, final String why) {
        return new OpenMlException("The cache path " + file + " leads out of the cache folder "
            + config.cacheRoot().toAbsolutePath().normalize() + " (" + why + "); sparselr neither reads, deletes nor "
            + "writes there. Remove the link from the cache folder, or use another cache folder (setting cache_dir).");
    }

    /** The cache's folder of part files, {@code .tmp} under the root, confined like every cache path. */
    Path tempFolder() throws IOException {
        final Path root = config.cacheRoot();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new OpenMlException("The OpenML cache folder " + root.toAbsolutePath() + " is not a folder; set "
                + "cache_dir to a folder (or to a path where one may be created).");
        }
        final Path dir = root.resolve(".tmp");
        confine(dir.resolve("x"));
        if (Files.isSymbolicLink(dir)) {
            throw outOfCache(dir.toAbsolutePath().normalize(), "it is a symbolic link");
        }
        return dir;
    }

    static String serverFolder(final URI uri) {
        final String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        final boolean defaultPort = uri.getPort() == -1 || uri.getPort() == 443 && "https".equalsIgnoreCase(
            uri.getScheme());
        if (PUBLIC_HOSTS.contains(host) && defaultPort && "https".equalsIgnoreCase(uri.getScheme())) {
            return PUBLIC_CACHE_FOLDER;
        }
        // a host name as a folder name on any system: [::1] and the port's colon become '_'
        final String folder = (host.isEmpty() ? "unknown-host" : host) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return folder.replaceAll("[^a-z0-9.\\-]", "_");
    }
}
