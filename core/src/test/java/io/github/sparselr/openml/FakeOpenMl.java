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
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP server that plays OpenML for one small dataset (id 42, "tiny", file 99) and injects
 * faults on request: a status, a delay, a cut-short body, a redirect, gzip or plain bodies.
 */
final class FakeOpenMl implements AutoCloseable {

    static final String ARFF = "@relation tiny\n@attribute a numeric\n@attribute b numeric\n"
        + "@attribute class {no,yes}\n@data\n1,2,no\n3,4,yes\n5,6,yes\n";

    /** One scripted answer. */
    record Fault(int status, long delayMillis, boolean cutShort, String redirectTo) {
        static Fault status(final int status) {
            return new Fault(status, 0, false, null);
        }

        static Fault delay(final long millis) {
            return new Fault(200, millis, false, null);
        }

        static Fault truncatedBody() {
            return new Fault(200, 0, true, null);
        }

        static Fault redirect(final String location) {
            return new Fault(302, 0, false, location);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    volatile boolean gzipBodies = true;
    volatile String md5 = md5(ARFF);
    volatile String format = "ARFF";

    FakeOpenMl() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The next answers for a path, before the normal one. */
    void failNext(final String path, final Fault... next) {
        faults.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(java.util.List.of(next));
    }

    int requests(final String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        final String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        final Deque<Fault> queue = faults.get(path);
        final Fault fault = queue == null ? null : queue.poll();
        try (exchange) {
            if (fault != null && fault.delayMillis() > 0) {
                sleep(fault.delayMillis());
            }
            if (fault != null && fault.redirectTo() != null) {
                exchange.getResponseHeaders().add("Location", fault.redirectTo());
                exchange.sendResponseHeaders(fault.status(), -1);
                return;
            }
            if (fault != null && fault.status() != 200) {
                exchange.sendResponseHeaders(fault.status(), -1);
                return;
            }
            final String body = body(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (gzipBodies) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                bytes = gzip(bytes);
            }
            if (fault != null && fault.cutShort()) {
                exchange.sendResponseHeaders(200, bytes.length + 1000);
                exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String body(final String path) {
        if (path.equals("/api/v1/json/data/list/data_name/tiny/limit/2/data_version/1")) {
            return "{\"data\":{\"dataset\":[{\"did\":42,\"name\":\"tiny\",\"version\":1,\"status\":\"active\"}]}}";
        }
        if (path.equals("/api/v1/json/data/42")) {
            return "{\"data_set_description\":{\"id\":\"42\",\"name\":\"tiny\",\"version\":\"1\",\"format\":\"" + format
                + "\",\"file_id\":\"99\",\"url\":\"" + root() + "data/v1/download/99/tiny.arff\","
                + "\"default_target_attribute\":\"class\",\"md5_checksum\":\"" + md5 + "\",\"status\":\"active\"}}";
        }
        if (path.equals("/api/v1/json/data/qualities/42")) {
            return "{\"data_qualities\":{\"quality\":[{\"name\":\"NumberOfInstances\",\"value\":\"3.0\"}]}}";
        }
        if (path.equals("/data/v1/download/99/tiny.arff")) {
            return ARFF;
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

    private static byte[] gzip(final byte[] bytes) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
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
