package io.github.sparselr.openml;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the OpenML client talks and caches.
 *
 * @param server the OpenML server, ending in "/"; https, or http only on a loopback address (tests)
 * @param cacheRoot the cache folder (layout: see {@link OpenMlClient})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a read may block
 * @param retries how many times to retry after an I/O error, a timeout or a 5xx answer (not a 4xx)
 * @param backoff the wait before the first retry; it doubles for each further one
 * @param maxDownloadBytes the most bytes one download may bring (as sent, compressed or not)
 * @param downloadTimeLimit the longest one download may take, all attempts and waits included
 * @param maxUncompressedBytes the most bytes one file may expand to: a JSON answer, or an ARFF file
 *            unless OpenML's own figures for the dataset (instances × features) allow more, which they
 *            never do beyond an eighth of the JVM's maximum heap (what the parse can hold)
 */
public record OpenMlConfig(URI server, Path cacheRoot, Duration connectTimeout, Duration readTimeout, int retries,
    Duration backoff, long maxDownloadBytes, Duration downloadTimeLimit, long maxUncompressedBytes) {

    /** OpenML's public server. */
    public static final URI PUBLIC_SERVER = URI.create("https://www.openml.org/");

    /**
     * The public server, 30 s timeouts, 3 retries from 1 s, at most 2 GB per download sent in at most
     * one hour, files of at most 64 MiB uncompressed (OpenML's JSON answers are far smaller; a JSON tree
     * takes several times its text in memory) unless OpenML's figures say the ARFF file is larger.
     */
    public static OpenMlConfig defaults(final Path cacheRoot) {
        return new OpenMlConfig(PUBLIC_SERVER, cacheRoot, Duration.ofSeconds(30), Duration.ofSeconds(30), 3,
            Duration.ofSeconds(1), 2_000_000_000L, Duration.ofHours(1), 64L << 20);
    }

    public OpenMlConfig {
        if (server != null && server.getRawUserInfo() != null) {
            // never repeated: it may hold a password, and messages end up in logs and reports
            throw new IllegalArgumentException("The OpenML server URL holds a user name or password (before '@'); "
                + "OpenML's API takes an API key, not a login. Remove it from the server URL.");
        }
        if (server == null || !server.toString().endsWith("/")) {
            throw new IllegalArgumentException("The OpenML server URL must end with '/', was " + server + ".");
        }
        if (retries < 0 || maxDownloadBytes < 1 || maxUncompressedBytes < 1) {
            throw new IllegalArgumentException("retries must be >= 0, maxDownloadBytes and maxUncompressedBytes >= 1.");
        }
        if (downloadTimeLimit == null || downloadTimeLimit.isNegative() || downloadTimeLimit.isZero()) {
            throw new IllegalArgumentException("The download time limit must be positive, was " + downloadTimeLimit
                + ".");
        }
    }

    public OpenMlConfig withServer(final URI value) {
        return new OpenMlConfig(value, cacheRoot, connectTimeout, readTimeout, retries, backoff, maxDownloadBytes,
            downloadTimeLimit, maxUncompressedBytes);
    }

    public OpenMlConfig withTimeouts(final Duration connect, final Duration read) {
        return new OpenMlConfig(server, cacheRoot, connect, read, retries, backoff, maxDownloadBytes, downloadTimeLimit,
            maxUncompressedBytes);
    }

    public OpenMlConfig withRetries(final int value, final Duration firstBackoff) {
        return new OpenMlConfig(server, cacheRoot, connectTimeout, readTimeout, value, firstBackoff, maxDownloadBytes,
            downloadTimeLimit, maxUncompressedBytes);
    }

    public OpenMlConfig withMaxDownloadBytes(final long value) {
        return new OpenMlConfig(server, cacheRoot, connectTimeout, readTimeout, retries, backoff, value,
            downloadTimeLimit, maxUncompressedBytes);
    }

    public OpenMlConfig withDownloadTimeLimit(final Duration value) {
        return new OpenMlConfig(server, cacheRoot, connectTimeout, readTimeout, retries, backoff, maxDownloadBytes, value,
            maxUncompressedBytes);
    }

    public OpenMlConfig withMaxUncompressedBytes(final long value) {
        return new OpenMlConfig(server, cacheRoot, connectTimeout, readTimeout, retries, backoff, maxDownloadBytes,
            downloadTimeLimit, value);
    }
}
