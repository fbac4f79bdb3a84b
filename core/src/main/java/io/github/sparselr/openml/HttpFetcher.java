package io.github.sparselr.openml;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Downloads one URL into a gzip file, as OpenML's cache stores everything: bodies the server sent
 * gzip-encoded are kept as they came, others are compressed on the way. https only (plain http is
 * allowed for loopback addresses, where tests run their server); redirects are followed only to
 * https; I/O errors, timeouts, cut-short bodies (also gzip data that ends early) and 5xx answers are
 * retried with doubling waits, 4xx answers are not. Each download has a total time limit, all attempts
 * included, and its file is locked while being written (see {@link PartFiles}).
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

    /** Stops connections that outlive their download's deadline or whose download was cancelled. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread t = new Thread(r, "sparselr-openml-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private static final int STOPPED_BY_DEADLINE = 1;
    private static final int STOPPED_BY_CANCEL = 2;

    private final OpenMlConfig config;

    HttpFetcher(final OpenMlConfig config) {
        this.config = config;
    }

    /**
     * Downloads {@code uri} into {@code target} (gzip), retrying as configured, within the download
     * time limit; the gzip data is checked whole (a body cut short is retried) and its uncompressed
     * size capped.
     */
    void fetch(final URI uri, final Path target, final Gunzip.Cap cap, final DownloadListener listener)
        throws IOException {
        final long deadline = System.nanoTime() + config.downloadTimeLimit().toNanos();
        IOException last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                pause(config.backoff().toMillis() << Math.min(attempt - 1, 20), deadline, uri, listener);
            }
            try {
                fetchOnce(uri, target, cap, deadline, listener);
                return;
            } catch (TransientFailure e) {
                Files.deleteIfExists(target);
                last = e;
            } catch (IOException | RuntimeException e) {
                // 4xx, refused by policy (scheme, redirect, size), too slow or cancelled: another attempt cannot help
                Files.deleteIfExists(target);
                throw e;
            }
        }
        throw new OpenMlUnavailableException("Downloading " + uri + " failed " + (config.retries() + 1) + " times; the "
            + "last error: " + withoutFinalPeriod(last.getMessage()) + ". Check the network or the OpenML server URL, or use a local file.",
            last);
    }

    private void fetchOnce(final URI start, final Path target, final Gunzip.Cap cap, final long deadline,
        final DownloadListener listener) throws IOException {
        URI uri = start;
        for (int redirects = 0; ; redirects++) {
            checkAllowed(uri, redirects > 0);
            final HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            // a read blocks for at most the read timeout, but a server that sends a byte now and then never
            // lets one time out: the watchdog closes the connection at the deadline, or once cancelled
            final AtomicInteger stopped = new AtomicInteger();
            final ScheduledFuture<?> watch = WATCHDOG.scheduleWithFixedDelay(() -> {
                if (System.nanoTime() - deadline >= 0) {
                    stopped.compareAndSet(0, STOPPED_BY_DEADLINE);
                } else if (listener.cancelRequested()) {
                    stopped.compareAndSet(0, STOPPED_BY_CANCEL);
                }
                if (stopped.get() != 0) {
                    connection.disconnect();
                }
            }, 50, 50, TimeUnit.MILLISECONDS);
            final long[] received = {0};
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
                copyBody(connection, uri, target, deadline, received, listener);
            } catch (IOException e) {
                throw stopReason(stopped.get(), e, uri, received[0]);
            } finally {
                watch.cancel(false);
                connection.disconnect();
            }
            if (stopped.get() != 0) {
                throw stopReason(stopped.get(), null, uri, received[0]);
            }
            checkGzip(uri, target, cap);
            return;
        }
    }

    /** What a failed read means: the deadline or a cancellation if the watchdog stopped it, else the error. */
    private IOException stopReason(final int stopped, final IOException e, final URI uri, final long received) {
        if (stopped == STOPPED_BY_CANCEL) {
            throw new CancellationException("The download of " + uri + " was cancelled.");
        }
        if (stopped == STOPPED_BY_DEADLINE) {
            return tooSlow(uri, received);
        }
        if (e instanceof OpenMlException) {
            return e;
        }
        return new TransientFailure(e.getClass().getSimpleName() + " for " + uri + ": " + e.getMessage(), e);
    }

    private OpenMlException tooSlow(final URI uri, final long received) {
        return new OpenMlException("Downloading " + uri + " did not finish within the download time limit of "
            + seconds(config.downloadTimeLimit()) + " (" + received + " bytes received); the server is too slow just "
            + "now. Try again later, or raise the download time limit.");
    }

    private static String seconds(final java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private void copyBody(final HttpURLConnection connection, final URI uri, final Path target, final long deadline,
        final long[] received, final DownloadListener listener) throws IOException {
        final long announced = connection.getContentLengthLong();
        if (announced > config.maxDownloadBytes()) {
            throw new OpenMlException(uri + " announces " + announced + " bytes, more than the limit of "
                + config.maxDownloadBytes() + "; raise the maximum download size if this is expected.");
        }
        final boolean gzipped = "gzip".equalsIgnoreCase(connection.getContentEncoding());
        try (InputStream body = connection.getInputStream();
                FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
                OutputStream file = Channels.newOutputStream(channel);
                OutputStream out = gzipped ? file : new GZIPOutputStream(file, 1 << 16)) {
            PartFiles.lock(channel); // held until the channel closes
            final byte[] buffer = new byte[1 << 16];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                received[0] += n;
                if (received[0] > config.maxDownloadBytes()) {
                    throw new OpenMlException(uri + " sends more than the limit of " + config.maxDownloadBytes()
                        + " bytes; raise the maximum download size if this is expected.");
                }
                if (listener.cancelRequested()) {
                    throw new CancellationException("The download of " + uri + " was cancelled.");
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw tooSlow(uri, received[0]);
                }
                out.write(buffer, 0, n);
                listener.progress(received[0], announced);
            }
        }
        if (announced >= 0 && received[0] != announced) {
            throw new TransientFailure(uri + " sent " + received[0] + " of " + announced
                + " bytes: the body was cut short.", null);
        }
    }

    /**
     * Reads the stored gzip data whole: a gzip body that ends early (a chunked answer cut short, which
     * the HTTP layer cannot notice) is retried like any body cut short; one that expands past the cap is not.
     */
    private static void checkGzip(final URI uri, final Path target, final Gunzip.Cap cap) throws IOException {
        try {
            Gunzip.size(target, cap);
        } catch (EOFException e) {
            throw new TransientFailure("The gzip body of " + uri + " ends early: it was cut short.", e);
        } catch (ZipException e) {
            throw new TransientFailure("The gzip body of " + uri + " is corrupt (" + e.getMessage() + ").", e);
        }
    }

    private static String withoutFinalPeriod(final String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
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

    private void pause(final long millis, final long deadline, final URI uri, final DownloadListener listener)
        throws OpenMlException {
        if (System.nanoTime() + millis * 1_000_000 - deadline >= 0) {
            throw new OpenMlException("Downloading " + uri + " would not finish within the download time limit of "
                + seconds(config.downloadTimeLimit()) + " after its next wait to retry; try again later, or raise the "
                + "download time limit.");
        }
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
