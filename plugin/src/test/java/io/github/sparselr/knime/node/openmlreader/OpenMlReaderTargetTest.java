package io.github.sparselr.knime.node.openmlreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.sparselr.knime.NodeWithSettings;
import io.github.sparselr.knime.standin.HeadlessNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;

/** The reader keeps the target's name, asks for a target where there is none, and says what it dropped. */
class OpenMlReaderTargetTest {

    /** Dataset 7: a row id, two numbers, an ignored attribute, and the nominal "species" (20 rows). */
    private static final String ARFF;

    static {
        final StringBuilder s = new StringBuilder("@relation t\n@attribute row numeric\n@attribute x numeric\n"
            + "@attribute y numeric\n@attribute note {m,n}\n@attribute species {a,b}\n@data\n");
        for (int i = 0; i < 20; i++) {
            s.append(1000 + i).append(',').append(i).append(',').append(2 * i).append(i % 2 == 0 ? ",m," : ",n,")
                .append(i % 3 == 0 ? "a" : "b").append('\n');
        }
        ARFF = s.toString();
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> bodies = new HashMap<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void keepsTheNameOfALocalCsvFilesLabelColumn() throws Exception {
        final Path file = dir.resolve("digits.csv");
        final StringBuilder csv = new StringBuilder("p1,p2,digit\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append(',').append(9 - i).append(',').append(i % 2).append('\n');
        }
        Files.writeString(file, csv);
        final PortObject[] out = node("source", "local", "local_path", file.toString(), "train_rows", "6",
            "test_rows", "4").execute();
        assertThat(((BufferedDataTable) out[0]).getDataTableSpec().getColumnNames()).containsExactly("p1", "p2",
            "digit");
    }

    @Test
    void dropsTheRowIdAndIgnoredAttributesAndSaysSo() throws Exception {
        serve(features("row:numeric:rowid", "x:numeric", "y:numeric", "note:nominal:ignore",
            "species:nominal:target"));
        final HeadlessNode node = openMlNode();
        final PortObject[] out = node.execute();
        assertThat(((BufferedDataTable) out[0]).getDataTableSpec().getColumnNames()).containsExactly("x", "y",
            "species");
        assertThat(node.warningMessage()).contains("row identifier 'row'").contains("ignored 'note'")
            .contains("fetch_openml");
        // from the cache, configure knows the same columns
        assertThat(((DataTableSpec) node.configure()[0]).getColumnNames()).containsExactly("x", "y", "species");
    }

    @Test
    void asksForATargetWhenTheDatasetHasNoneAndKeepsTheChosenOnesName() throws Exception {
        serve(features("row:numeric:rowid", "x:numeric", "y:numeric", "note:nominal:ignore", "species:nominal"));
        final HeadlessNode node = openMlNode();
        assertThatThrownBy(node::execute).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("no default target").hasMessageContaining("'species'")
            .hasMessageContaining("'Target column'");
        // the metadata is cached now: configure asks too
        assertThatThrownBy(node::configure).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("no default target");

        final HeadlessNode chosen = openMlNode("target", "species");
        final PortObject[] out = chosen.execute();
        assertThat(((BufferedDataTable) out[0]).getDataTableSpec().getColumnNames()).containsExactly("x", "y",
            "species");
    }

    @Test
    void saysHowToSwitchToLocalFilesWhenOpenMlCannotBeReached() throws Exception {
        final int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort(); // nothing listens there once it is closed
        }
        final HeadlessNode node = node("dataset_id", "7", "server_url", "http://127.0.0.1:" + closedPort + "/",
            "cache_dir", dir.resolve("cache").toString(), "train_rows", "10", "test_rows", "5");
        // configure fails first, after one attempt (execute would retry three times)
        assertThatThrownBy(node::configure).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("http://127.0.0.1:" + closedPort + "/").hasMessageContaining("failed 1 times")
            .hasMessageContaining("'source'").hasMessageContaining("'data_source'")
            .hasMessageContaining("'local'").hasMessageContaining("'local_path'")
            .hasMessageContaining("'mnist_folder'");
    }

    private HeadlessNode openMlNode(final String... more) throws Exception {
        final String[] base = {"dataset_id", "7", "server_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
            "cache_dir", dir.resolve("cache").toString(), "train_rows", "10", "test_rows", "5"};
        final String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return node(all);
    }

    private HeadlessNode node(final String... keyValues) throws InvalidSettingsException {
        return NodeWithSettings.of(new OpenMlReaderNodeFactory(), keyValues);
    }

    /** Serves dataset 7 ({@link #ARFF}) with the given feature list. */
    private void serve(final String features) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bodies.put("/api/v1/json/data/7", "{\"data_set_description\":{\"id\":\"7\",\"name\":\"t\",\"version\":\"1\","
            + "\"format\":\"ARFF\",\"file_id\":\"8\",\"md5_checksum\":\"" + md5(ARFF) + "\",\"status\":\"active\"}}");
        bodies.put("/api/v1/json/data/features/7", features);
        bodies.put("/api/v1/json/data/qualities/7", "{\"data_qualities\":{\"quality\":[]}}");
        bodies.put("/data/v1/download/8", ARFF);
        server.createContext("/", exchange -> {
            final String body = bodies.get(exchange.getRequestURI().getPath());
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                out.write(bytes);
            }
        });
        server.start();
    }

    /** A feature list; each feature "name:type", with ":target", ":ignore" or ":rowid" for its flags. */
    private static String features(final String... specs) {
        final StringBuilder s = new StringBuilder("{\"data_features\":{\"feature\":[");
        for (int i = 0; i < specs.length; i++) {
            final String[] p = specs[i].split(":");
            final String flags = p.length > 2 ? p[2] : "";
            s.append(i == 0 ? "" : ",").append("{\"index\":\"").append(i).append("\",\"name\":\"").append(p[0])
                .append("\",\"data_type\":\"").append(p[1]).append("\",\"is_target\":\"")
                .append(flags.equals("target")).append("\",\"is_ignore\":\"").append(flags.equals("ignore"))
                .append("\",\"is_row_identifier\":\"").append(flags.equals("rowid")).append("\"}");
        }
        return s.append("]}}").toString();
    }

    private static String md5(final String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
