package io.github.sparselr.openml;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server that plays OpenML for one small dataset (id 42, "tiny", file 99) and injects
 * faults on request: a status, a delay, a cut-short body, a redirect, a body sent a byte at a time, a
 * chunked gzip body cut short, a gzip bomb; gzip or plain bodies. Its dataset can be changed (ARFF text,
 * feature flags, file id). Public for the plugin's tests of the OpenML Reader node.
 */
public final class FakeOpenMl implements AutoCloseable {

    public static final String ARFF = "@relation tiny\n@attribute a numeric\n@attribute b numeric\n"
        + "@attribute class {no,yes}\n@data\n1,2,no\n3,4,yes\n5,6,yes\n";

    /** Its feature list: a and b numeric, class nominal (no, yes) and the default target. */
    public static final String FEATURES = features("a:numeric", "b:numeric", "class:nominal=no|yes:target");

    public static final String ARFF_PATH = "/data/v1/download/99";
    public static final String DESCRIPTION_PATH = "/api/v1/json/data/42";

    /** What a scripted answer does. */
    enum Kind {
        STATUS, DELAY, CUT_SHORT, REDIRECT, TRICKLE, CUT_SHORT_CHUNKED_GZIP, GZIP_BOMB
    }

    /** One scripted answer. */
    public record Fault(Kind kind, int status, long millis, String redirectTo, long bytes) {
        public static Fault status(final int status) {
            return new Fault(Kind.STATUS, status, 0, null, 0);
        }

        public static Fault delay(final long millis) {
            return new Fault(Kind.DELAY, 200, millis, null, 0);
        }

        public static Fault truncatedBody() {
            return new Fault(Kind.CUT_SHORT, 200, 0, null, 0);
        }

        public static Fault redirect(final String location) {
            return new Fault(Kind.REDIRECT, 302, 0, location, 0);
        }

        /** The body one byte at a time, {@code millis} apart, for ever (until the client gives up). */
        public static Fault trickle(final long millis) {
            return new Fault(Kind.TRICKLE, 200, millis, null, 0);
        }

        /** A chunked (no Content-Length) gzip body of which only the first half is sent, properly ended. */
        public static Fault truncatedChunkedGzip() {
            return new Fault(Kind.CUT_SHORT_CHUNKED_GZIP, 200, 0, null, 0);
        }

        /** A gzip-encoded body of {@code bytes} zeros: a little on the wire, very much once inflated. */
        public static Fault gzipBomb(final long bytes) {
            return new Fault(Kind.GZIP_BOMB, 200, 0, null, bytes);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    volatile boolean gzipBodies = true;
    public volatile String arff = ARFF;
    volatile String md5;
    volatile String format = "ARFF";
    volatile String fileId = "99";
    public volatile String features = FEATURES;
    volatile String defaultTarget = "class";
    /** The NumberOfInstances quality, as OpenML writes it. */
    volatile String instances = "3.0";
    /** More answers, by path, for other datasets. */
    public final Map<String, String> extra = new ConcurrentHashMap<>();

    public FakeOpenMl() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            final Thread t = new Thread(r, "fake-openml");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The next answers for a path, before the normal one. */
    public void failNext(final String path, final Fault... next) {
        faults.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(java.util.List.of(next));
    }

    public int requests(final String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    /**
     * A feature list; each feature "name:type", with ":target", ":ignore" or ":rowid" for its flags; a
     * nominal type may list its values as OpenML's nominal_value does: "class:nominal=no|yes".
     */
    public static String features(final String... specs) {
        final StringBuilder s = new StringBuilder("{\"data_features\":{\"feature\":[");
        for (int i = 0; i < specs.length; i++) {
            final String[] p = specs[i].split(":");
            final String flags = String.join(":", java.util.Arrays.copyOfRange(p, 2, p.length));
            final String[] type = p[1].split("=", 2);
            s.append(i == 0 ? "" : ",").append("{\"index\":\"").append(i).append("\",\"name\":\"").append(p[0])
                .append("\",\"data_type\":\"").append(type[0]).append("\",\"is_target\":\"")
                .append(flags.contains("target")).append("\",\"is_ignore\":\"").append(flags.contains("ignore"))
                .append("\",\"is_row_identifier\":\"").append(flags.contains("rowid"))
                .append("\",\"number_of_missing_values\":\"0\"");
            if (type.length > 1) {
                s.append(",\"nominal_value\":[\"").append(String.join("\",\"", type[1].split("\\|"))).append("\"]");
            }
            s.append('}');
        }
        return s.append("]}}").toString();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        final String path = exchange.getRequestURI().getRawPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        final Deque<Fault> queue = faults.get(path);
        final Fault fault = queue == null ? null : queue.poll();
        try (exchange) {
            if (fault != null && fault.kind() == Kind.DELAY) {
                sleep(fault.millis());
            }
            if (fault != null && fault.kind() == Kind.REDIRECT) {
                exchange.getResponseHeaders().add("Location", fault.redirectTo());
                exchange.sendResponseHeaders(fault.status(), -1);
                return;
            }
            if (fault != null && fault.kind() == Kind.STATUS) {
                exchange.sendResponseHeaders(fault.status(), -1);
                return;
            }
            if (fault != null && fault.kind() == Kind.GZIP_BOMB) {
                final byte[] bomb = bomb(fault.bytes());
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, bomb.length);
                exchange.getResponseBody().write(bomb);
                return;
            }
            final String body = body(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (gzipBodies || fault != null && fault.kind() == Kind.CUT_SHORT_CHUNKED_GZIP) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                bytes = gzip(bytes);
            }
            if (fault != null && fault.kind() == Kind.CUT_SHORT) {
                exchange.sendResponseHeaders(200, bytes.length + 1000);
                exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
                return;
            }
            if (fault != null && fault.kind() == Kind.CUT_SHORT_CHUNKED_GZIP) {
                exchange.sendResponseHeaders(200, 0); // chunked: the client cannot know the length
                exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
                return; // closing the exchange ends the chunked body properly
            }
            if (fault != null && fault.kind() == Kind.TRICKLE) {
                exchange.sendResponseHeaders(200, 0);
                final OutputStream out = exchange.getResponseBody();
                final long end = System.currentTimeMillis() + 30_000; // bounded, whatever the client does
                for (int i = 0; System.currentTimeMillis() < end; i = (i + 1) % bytes.length) {
                    out.write(bytes[i]);
                    out.flush();
                    sleep(fault.millis());
                }
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client hung up (a trickle it gave up on): nothing to answer
        }
    }

    private String body(final String path) {
        if (extra.containsKey(path)) {
            return extra.get(path);
        }
        if (path.equals("/api/v1/json/data/list/data_name/tiny/limit/2/data_version/1")) {
            return "{\"data\":{\"dataset\":[{\"did\":42,\"name\":\"tiny\",\"version\":1,\"status\":\"active\"}]}}";
        }
        if (path.equals(DESCRIPTION_PATH)) {
            return "{\"data_set_description\":{\"id\":\"42\",\"name\":\"tiny\",\"version\":\"1\",\"format\":\"" + format
                + "\",\"file_id\":\"" + fileId.replace("\"", "\\\"") + "\",\"url\":\"" + root()
                + "data/v1/download/99/tiny.arff\"," + (defaultTarget == null ? ""
                    : "\"default_target_attribute\":\"" + defaultTarget + "\",")
                + "\"md5_checksum\":\"" + (md5 != null ? md5 : md5(arff)) + "\",\"status\":\"active\"}}";
        }
        if (path.equals("/api/v1/json/data/features/42")) {
            return features;
        }
        if (path.equals("/api/v1/json/data/qualities/42")) {
            return "{\"data_qualities\":{\"quality\":[{\"name\":\"NumberOfInstances\",\"value\":\"" + instances
                + "\"}]}}";
        }
        if (path.equals(ARFF_PATH)) {
            return arff;
        }
        return null;
    }

    static String md5(final String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(final byte[] bytes) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static final Map<Long, byte[]> BOMBS = new ConcurrentHashMap<>();

    /**
     * {@code size} zeros (a multiple of 1 MiB) as gzip: one member of 1 MiB of zeros at the highest level
     * (about 1 KB), repeated; readers of gzip read concatenated members as one stream.
     */
    static byte[] bomb(final long size) {
        return BOMBS.computeIfAbsent(size, n -> {
            final ByteArrayOutputStream member = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(member, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gz.write(new byte[1 << 20]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            final byte[] one = member.toByteArray();
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long left = n; left > 0; left -= 1 << 20) {
                out.writeBytes(one);
            }
            return out.toByteArray();
        });
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
