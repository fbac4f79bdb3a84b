package io.github.sparselr.openml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;

/**
 * Downloads one URL into a gzip file, as OpenML's cache stores everything: bodies the server sent
 * gzip-encoded are kept as they came, others are compressed on the way. https only (plain http is
 * allowed for loopback addresses, where tests run their server); redirects are followed only to
 * https; I/O errors, timeouts, cut-short bodies and 5xx answers are retried with doubling waits,
 * 4xx answers are not.
 */
final class HttpFetcher {

    private static final int MAX_REDIRECTS = 5;

    /** A 4xx answer: retrying cannot help. */
    static final class ClientError extends OpenMlException {
        private static final long serialVersionUID = 1L;
        final int status;

        ClientError(final int status, final String message) {
            super(message);
            this.status = status;
        }
    }

    /** What another attempt may cure: an I/O error, a timeout, a cut-short body, a 5xx answer. */
    static final class TransientFailure extends OpenMlException {
        private static final long serialVersionUID = 1L;

        TransientFailure(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    private final OpenMlConfig config;

    HttpFetcher(final OpenMlConfig config) {
        this.config = config;
    }

    /** Downloads {@code uri} into {@code target} (gzip), retrying as configured. */
    void fetch(final URI uri, final Path target, final DownloadListener listener) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                pause(config.backoff().toMillis() << (attempt - 1), listener);
            }
            try {
                fetchOnce(uri, target, listener);
                return;
            } catch (TransientFailure e) {
                Files.deleteIfExists(target);
                last = e;
            } catch (IOException | RuntimeException e) {
                // 4xx, refused by policy (scheme, redirect, size) or cancelled: another attempt cannot help
                Files.deleteIfExists(target);
                throw e;
            }
        }
        throw new OpenMlException("Downloading " + uri + " failed " + (config.retries() + 1) + " times; the last error: "
            + last.getMessage() + ". Check the network or the OpenML server URL, or use a local file.", last);
    }

    private void fetchOnce(final URI start, final Path target, final DownloadListener listener) throws IOException {
        URI uri = start;
        for (int redirects = 0; ; redirects++) {
            checkAllowed(uri, redirects > 0);
            final HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            try {
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout((int) config.connectTimeout().toMillis());
                connection.setReadTimeout((int) config.readTimeout().toMillis());
                connection.setRequestProperty("Accept-Encoding", "gzip");
                connection.setRequestProperty("User-Agent", "sparselr/0.1 (KNIME extension)");
                final int status = connection.getResponseCode();
                if (status >= 300 && status < 400) {
                    final String location = connection.getHeaderField("Location");
                    if (location == null || redirects >= MAX_REDIRECTS) {
                        throw new OpenMlException("HTTP " + status + " from " + uri + " without a usable redirect.");
                    }
                    uri = uri.resolve(location);
                    continue;
                }
                if (status >= 400 && status < 500) {
                    throw new ClientError(status, "HTTP " + status + " for " + uri);
                }
                if (status != 200) {
                    throw new TransientFailure("HTTP " + status + " from " + uri, null);
                }
                copyBody(connection, uri, target, listener);
                return;
            } catch (IOException e) {
                if (e instanceof OpenMlException) {
                    throw e;
                }
                throw new TransientFailure(e.getClass().getSimpleName() + " for " + uri + ": " + e.getMessage(), e);
            } finally {
                connection.disconnect();
            }
        }
    }

    private void copyBody(final HttpURLConnection connection, final URI uri, final Path target,
        final DownloadListener listener) throws IOException {
        final long announced = connection.getContentLengthLong();
        if (announced > config.maxDownloadBytes()) {
            throw new OpenMlException(uri + " announces " + announced + " bytes, more than the limit of "
                + config.maxDownloadBytes() + "; raise the maximum download size if this is expected.");
        }
        final boolean gzipped = "gzip".equalsIgnoreCase(connection.getContentEncoding());
        long received = 0;
        try (InputStream body = connection.getInputStream();
                OutputStream file = Files.newOutputStream(target);
                OutputStream out = gzipped ? file : new GZIPOutputStream(file, 1 << 16)) {
            final byte[] buffer = new byte[1 << 16];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                received += n;
                if (received > config.maxDownloadBytes()) {
                    throw new OpenMlException(uri + " sends more than the limit of " + config.maxDownloadBytes()
                        + " bytes; raise the maximum download size if this is expected.");
                }
                if (listener.cancelRequested()) {
                    throw new CancellationException("The download of " + uri + " was cancelled.");
                }
                out.write(buffer, 0, n);
                listener.progress(received, announced);
            }
        }
        if (announced >= 0 && received != announced) {
            throw new TransientFailure(uri + " sent " + received + " of " + announced
                + " bytes: the body was cut short.", null);
        }
    }

    /** https anywhere; http only on loopback, and never as a redirect target. */
    static void checkAllowed(final URI uri, final boolean redirected) throws OpenMlException {
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (redirected) {
            throw new OpenMlException("Refusing to follow a redirect to " + uri + ": redirects are followed only to "
                + "https.");
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return;
        }
        throw new OpenMlException("Refusing " + uri + ": OpenML is reached over https only (plain http only on a "
            + "loopback address); use an https server URL.");
    }

    private static boolean isLoopback(final String host) {
        if (host == null) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void pause(final long millis, final DownloadListener listener) throws OpenMlException {
        final long end = System.currentTimeMillis() + millis;
        try {
            while (System.currentTimeMillis() < end) {
                if (listener.cancelRequested()) {
                    throw new CancellationException("The download was cancelled while waiting to retry.");
                }
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenMlException("Interrupted while waiting to retry.", e);
        }
    }
}
