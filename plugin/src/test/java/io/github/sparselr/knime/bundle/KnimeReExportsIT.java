package io.github.sparselr.knime.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Our bundle beside the packages that org.knime.core 5.1 re-exports: KNIME's older commons-io is
 * visible to every bundle that requires org.knime.core, ahead of the bundle's own class path. A
 * library embedded under its own package names is then split between KNIME's copy and ours (the
 * control case below shows it with commons-csv and commons-io as sparselr used to embed them); our
 * relocated libraries are not, and the engine's CSV, JSON and MD5 paths run through our bundle.
 */
class KnimeReExportsIT {

    private static final String SHADED = BundleJarIT.SHADED.replace('/', '.');

    private static final String ARFF = "@relation tiny\n@attribute a numeric\n@attribute b numeric\n"
        + "@attribute class {no,yes}\n@data\n1,2,no\n3,4,yes\n5,6,yes\n";

    @TempDir
    static Path temp;

    private static FakeKnime knime;

    private static Bundle sparselr;

    @BeforeAll
    static void startFramework() throws Exception {
        knime = FakeKnime.start(temp);
        sparselr = knime.install(new File(System.getProperty("bundle.jar")));
    }

    @AfterAll
    static void stopFramework() throws Exception {
        knime.close();
    }

    @Test
    void knimesOlderCommonsIoReachesOurBundleThroughOrgKnimeCore() throws Exception {
        final Class<?> ioUtils = sparselr.loadClass("org.apache.commons.io.IOUtils");
        assertThat(FrameworkUtil.getBundle(ioUtils)).isEqualTo(knime.knimeCoreUtil);
        // a class newer than commons-io 2.6 is not there: our bundle holds no copy of the package to fall back on
        assertThatThrownBy(() -> sparselr.loadClass("org.apache.commons.io.IOExceptionList"))
            .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void anUnrelocatedCommonsIoIsSplitAndCommonsCsvsPrinterFailsInIt() throws Exception {
        // commons-csv and its libraries as sparselr embedded them before relocation (lib/ on the Bundle-ClassPath)
        final Path unrelocated = Path.of(System.getProperty("unrelocated.dir"));
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", "split.package.control");
        headers.put("Bundle-Version", "1.0.0");
        headers.put("Require-Bundle", "org.knime.core;bundle-version=\"[5.1.0,6.0.0)\"");
        headers.put("Bundle-ClassPath", ".,lib/commons-codec.jar,lib/commons-csv.jar,lib/commons-io.jar");
        final Map<String, Path> entries = new LinkedHashMap<>();
        for (final String library : List.of("commons-codec", "commons-csv", "commons-io")) {
            entries.put("lib/" + library + ".jar", unrelocated.resolve(library + ".jar"));
        }
        final Bundle control = knime.install(knime.bundle("split.package.control.jar", headers, entries));

        // the split: org.apache.commons.io from KNIME, org.apache.commons.io.function from the bundle
        assertThat(FrameworkUtil.getBundle(control.loadClass("org.apache.commons.io.IOUtils")))
            .isEqualTo(knime.knimeCoreUtil);
        assertThat(FrameworkUtil.getBundle(control.loadClass("org.apache.commons.io.function.IOStream")))
            .isEqualTo(control);
        // a class that KNIME's copy lacks is still found in the bundle's own, but a method that KNIME's
        // IOUtils lacks is not: commons-csv 1.11 prints a Reader through IOUtils.copy(Reader, Appendable),
        // which is newer than commons-io 2.6
        assertThatThrownBy(() -> printCsv(control, "newFormat", new StringReader("x")))
            .isInstanceOf(NoSuchMethodError.class).hasMessageContaining("IOUtils.copy");
    }

    @Test
    void csvReadingAndWritingRunThroughOurBundle() throws Throwable {
        // our commons-io is whole: each of its packages comes from our bundle
        for (final String name : List.of("org.apache.commons.io.IOUtils", "org.apache.commons.io.function.IOStream")) {
            assertThat(FrameworkUtil.getBundle(embedded(name))).as(name).isEqualTo(sparselr);
        }

        // reading, as the OpenML Reader node reads a local CSV file
        final Path file = temp.resolve("tiny.csv");
        Files.writeString(file, "a,b,class\n1,2,x\n3,4,y\n");
        final Object dataset = call(null, sparselr.loadClass("io.github.sparselr.io.LocalDatasets"), "read",
            new Class<?>[] {Path.class, String.class, boolean.class, BooleanSupplier.class}, file, "class", true,
            (BooleanSupplier) () -> false);
        assertThat(call(dataset, "rows")).isEqualTo(2);
        assertThat(call(dataset, "columnNames")).isEqualTo(List.of("a", "b"));
        assertThat((double[]) call(dataset, "values")).containsExactly(1, 2, 3, 4);
        assertThat((String[]) call(dataset, "labels")).containsExactly("x", "y");

        // writing: records, and the values that the control case cannot print
        final Class<?> format = embedded("org.apache.commons.csv.CSVFormat");
        final Class<?> printer = embedded("org.apache.commons.csv.CSVPrinter");
        final StringWriter out = new StringWriter();
        final Object csv = printer.getConstructor(Appendable.class, format)
            .newInstance(out, format.getField("RFC4180").get(null));
        call(csv, "printRecords", new Class<?>[] {Iterable.class}, List.of(List.of("a", "b,c"), List.of("1", "2")));
        assertThat(out).hasToString("a,\"b,c\"\r\n1,2\r\n");
        assertThat(printCsv(sparselr, "newFormat", new StringReader("x"))).isEqualTo("x");
        assertThat(printCsv(sparselr, "RFC4180", new ByteArrayInputStream(new byte[] {'h', 'i'})))
            .isEqualTo("\"aGk=\r\n\""); // Base64 (MIME lines) by our commons-codec, through our commons-io
    }

    @Test
    void openMlsJsonAndMd5PathsRunThroughOurBundle() throws Throwable {
        final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        final String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        final Map<String, String> bodies = Map.of(
            "/api/v1/json/data/42", "{\"data_set_description\":{\"id\":\"42\",\"name\":\"tiny\",\"version\":\"1\","
                + "\"format\":\"ARFF\",\"file_id\":\"99\",\"url\":\"" + root + "data/v1/download/99/tiny.arff\","
                + "\"default_target_attribute\":\"class\",\"md5_checksum\":\"" + md5(ARFF) + "\",\"status\":\"active\"}}",
            "/api/v1/json/data/qualities/42",
            "{\"data_qualities\":{\"quality\":[{\"name\":\"NumberOfInstances\",\"value\":\"3.0\"}]}}",
            // the feature list decides the target and what is dropped, as fetch_openml reads it
            "/api/v1/json/data/features/42", "{\"data_features\":{\"feature\":["
                + "{\"index\":\"0\",\"name\":\"a\",\"data_type\":\"numeric\",\"is_target\":\"false\"},"
                + "{\"index\":\"1\",\"name\":\"b\",\"data_type\":\"numeric\",\"is_target\":\"false\"},"
                + "{\"index\":\"2\",\"name\":\"class\",\"data_type\":\"nominal\",\"is_target\":\"true\"}]}}",
            // scikit-learn 1.2.1 downloads data/v1/download/{file_id} from the configured server
            "/data/v1/download/99", ARFF);
        server.createContext("/", exchange -> {
            try (exchange) {
                final String body = bodies.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(bytes);
                }
            }
        });
        server.start();
        try {
            final Class<?> configType = sparselr.loadClass("io.github.sparselr.openml.OpenMlConfig");
            Object config = call(null, configType, "defaults", new Class<?>[] {Path.class}, temp.resolve("openml"));
            config = call(config, "withServer", new Class<?>[] {URI.class}, URI.create(root));
            config = call(config, "withRetries", new Class<?>[] {int.class, Duration.class}, 0, Duration.ZERO);
            final Class<?> client = sparselr.loadClass("io.github.sparselr.openml.OpenMlClient");
            final Class<?> listener = sparselr.loadClass("io.github.sparselr.openml.DownloadListener");
            final Object openMl = client.getConstructor(configType).newInstance(config);
            // JSON (description, qualities) by our Jackson; the ARFF file's MD5 must match, or load fails
            final Object dataset = call(openMl, client, "load", new Class<?>[] {int.class, String.class, listener},
                42, null, listener.getField("NONE").get(null));
            final Object data = call(dataset, "data");
            assertThat(call(data, "rows")).isEqualTo(3);
            assertThat((String[]) call(data, "labels")).containsExactly("no", "yes", "yes");
            // a server other than openml.org has its own cache folder, named by host and port
            assertThat(temp.resolve("openml/127.0.0.1_" + server.getAddress().getPort() + "/data/v1/download/99.gz"))
                .isRegularFile();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void md5ByOurCommonsCodecMatchesTheJdks() throws Throwable {
        final Class<?> digest = embedded("org.apache.commons.codec.digest.DigestUtils");
        assertThat(FrameworkUtil.getBundle(digest)).isEqualTo(sparselr);
        assertThat(call(null, digest, "md5Hex", new Class<?>[] {String.class}, ARFF)).isEqualTo(md5(ARFF));
    }

    @Test
    void thePathNodesPlotDrawsThroughOurBundleWithoutXChartsVectorAndGifLibraries() throws Throwable {
        // XChart relocated, and none of the libraries of its SVG/EPS/PDF and GIF encoders there to fall back on
        assertThat(FrameworkUtil.getBundle(embedded("org.knowm.xchart.XYChart"))).isEqualTo(sparselr);
        for (final String leftOut : List.of("de.erichseifert.vectorgraphics2d.VectorGraphics2D",
            "de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D", "org.apache.pdfbox.pdmodel.PDDocument",
            "com.madgag.gif.fmsware.AnimatedGifEncoder")) {
            assertThatThrownBy(() -> sparselr.loadClass(leftOut)).as(leftOut).isInstanceOf(ClassNotFoundException.class);
        }
        // the node's own picture of a two-point path with cross-validated scores: every part XChart draws
        // for it (error bars, a second axis, legend, dashed line) runs here
        final Class<?> modelType = sparselr.loadClass("io.github.sparselr.linear.LogisticModel");
        final Class<?> parametersType = sparselr.loadClass("io.github.sparselr.linear.SagaParameters");
        final Class<?> convergenceType = sparselr.loadClass("io.github.sparselr.linear.path.Convergence");
        final Class<?> pointType = sparselr.loadClass("io.github.sparselr.linear.path.PathPoint");
        final Class<?> scoresType = sparselr.loadClass("io.github.sparselr.linear.path.CvScores");
        final Class<?> resultType = sparselr.loadClass("io.github.sparselr.linear.path.PathResult");
        final List<Object> points = new ArrayList<>();
        final List<Object> scores = new ArrayList<>();
        for (final double c : new double[] {0.01, 0.1}) {
            final Object parameters = call(call(null, parametersType, "mnistStudy", new Class<?>[0]), parametersType,
                "withC", new Class<?>[] {double.class}, c);
            final Object model = modelType.getConstructor(List.class, List.class, double[].class, double[].class,
                int.class, boolean.class, double[].class, parametersType).newInstance(List.of("no", "yes"),
                    List.of("a", "b"), new double[] {c, -2 * c}, new double[] {0}, 3, true, new double[0], parameters);
            points.add(pointType.getConstructor(double.class, modelType, convergenceType, long.class).newInstance(c,
                model, convergenceType.getConstructor(double.class, double.class, int.class, boolean.class)
                    .newInstance(0.5, 0.0, 3, true), 1000L));
            scores.add(scoresType.getConstructor(double.class, double.class, double.class, double.class)
                .newInstance(0.8 + c, 0.01, 0.4, 0.02));
        }
        final Object result = resultType.getConstructor(List.class, List.class, int.class).newInstance(points, scores, 1);
        final Class<?> plot = sparselr.loadClass("io.github.sparselr.knime.node.logregpath.PathPlot");
        final Method png = plot.getDeclaredMethod("png", resultType, double[].class);
        png.setAccessible(true); // package-private, as the node model calls it
        final byte[] bytes;
        try {
            bytes = (byte[]) png.invoke(null, result, new double[] {0.9, 0.95});
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        final BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(900); // PathPlot.WIDTH × HEIGHT
        assertThat(image.getHeight()).isEqualTo(700);
    }

    /**
     * A class of an embedded library as our bundle's engine uses it: under its relocated name, or under
     * its original one in a bundle that embeds the library unrelocated (as sparselr's did before).
     */
    private static Class<?> embedded(final String originalName) throws ClassNotFoundException {
        return embedded(sparselr, originalName);
    }

    private static Class<?> embedded(final Bundle bundle, final String originalName) throws ClassNotFoundException {
        try {
            return bundle.loadClass(SHADED + originalName);
        } catch (ClassNotFoundException e) {
            return bundle.loadClass(originalName);
        }
    }

    /**
     * One value printed by the commons-csv that {@code bundle} embeds, in the format {@code RFC4180} or
     * {@code newFormat} (comma, no quotes, no escapes).
     */
    private static String printCsv(final Bundle bundle, final String formatName, final Object value)
        throws Throwable {
        final Class<?> formatType = embedded(bundle, "org.apache.commons.csv.CSVFormat");
        final Object format = formatName.equals("newFormat")
            ? call(null, formatType, "newFormat", new Class<?>[] {char.class}, ',')
            : formatType.getField(formatName).get(null);
        final StringBuilder out = new StringBuilder(); // an Appendable that is no Writer
        final Object printer = embedded(bundle, "org.apache.commons.csv.CSVPrinter")
            .getConstructor(Appendable.class, formatType).newInstance(out, format);
        call(printer, "print", new Class<?>[] {Object.class}, value);
        return out.toString();
    }

    private static Object call(final Object target, final String method) throws Throwable {
        return call(target, method, new Class<?>[0]);
    }

    private static Object call(final Object target, final String method, final Class<?>[] parameters,
        final Object... args) throws Throwable {
        return call(target, target.getClass(), method, parameters, args);
    }

    /** Calls a method of a class loaded through a bundle; throws what the method throws. */
    private static Object call(final Object target, final Class<?> type, final String method,
        final Class<?>[] parameters, final Object... args) throws Throwable {
        try {
            return type.getMethod(method, parameters).invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String md5(final String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
