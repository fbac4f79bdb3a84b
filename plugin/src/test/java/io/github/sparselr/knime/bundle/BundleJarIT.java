package io.github.sparselr.knime.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.standin.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What ships: the bundle jar as KNIME will read it. */
class BundleJarIT {

    /** Where the bundle's libraries live, relocated (plugin/pom.xml, maven-shade-plugin). */
    static final String SHADED = "io/github/sparselr/knime/internal/shaded/";

    private static final String SHADED_DOTTED = SHADED.replace('/', '.');

    /**
     * The packages that a bundle requiring org.knime.core 5.1 sees through org.knime.core's re-exports,
     * each with its subpackages. The Require-Bundle wiring searches them before the bundle's own class
     * path, so a package of ours among them would be split between KNIME's copy and ours. From the
     * manifests at tag analytics-platform/5.1.0 of KNIME's public repositories knime-core and knime-shared:
     * <ul>
     * <li>knime-core {@code org.knime.core/META-INF/MANIFEST.MF}: exports {@code log4j} and {@code org.knime.*};
     * re-exports ({@code visibility:=reexport}) org.eclipse.osgi, org.eclipse.core.runtime, org.apache.xmlbeans5,
     * org.knime.core.util, org.knime.shared.workflow.def, org.knime.shared.workflow.storage and
     * org.eclipse.parsson.jakarta.json;</li>
     * <li>knime-shared {@code org.knime.core.util/META-INF/MANIFEST.MF}: exports {@code org.apache.commons.io},
     * {@code .comparator}, {@code .filefilter}, {@code .input}, {@code .output} (from its commons-io
     * [2.4,3)) and {@code org.knime.*}; {@code org.knime.shared.workflow.def} and
     * {@code org.knime.shared.workflow.storage}: {@code org.knime.shared.*};
     * {@code org.apache.xmlbeans/META-INF/MANIFEST.MF}: {@code org.apache.xmlbeans.*};</li>
     * <li>Eclipse's org.eclipse.osgi and org.eclipse.core.runtime (with the Equinox bundles it re-exports):
     * {@code org.osgi.*} and {@code org.eclipse.*}; Eclipse Parsson: {@code jakarta.json.*} and
     * {@code org.eclipse.parsson.*}.</li>
     * </ul>
     * All of commons-io counts, not only the five exported packages: the rest of it is what a split leaves us.
     */
    static final List<String> KNIME_REEXPORTED = List.of("log4j", "org.knime", "org.apache.commons.io",
        "org.apache.xmlbeans", "org.osgi", "org.eclipse", "jakarta.json");

    /**
     * The embedded libraries, each by its packages before relocation, every one under the Apache License
     * 2.0 as the bundle itself (feature.xml): Jackson, Apache Commons CSV, IO and Codec, EJML and its
     * pabeles, XChart. A library under another licence must not slip in with a dependency's dependency.
     */
    private static final List<String> EMBEDDED = List.of("com/fasterxml/jackson/", "org/apache/commons/csv/",
        "org/apache/commons/io/", "org/apache/commons/codec/", "org/ejml/", "pabeles/", "org/knowm/xchart/");

    /**
     * XChart's dependencies that the bundle leaves out (plugin/pom.xml): VectorGraphics2D (LGPL), pdfbox-graphics2d
     * with PDFBox and animated-gif-lib, for its SVG/EPS/PDF and GIF export; the path node writes PNG.
     */
    private static final List<String> LEFT_OUT = List.of("de/erichseifert/", "de/rototor/", "org/apache/pdfbox/",
        "org/apache/fontbox/", "com/madgag/");

    /** The embedded libraries' packages before relocation. */
    private static final String ORIGINAL =
        "(?:com/fasterxml/jackson|org/apache/commons/(?:csv|io|codec)|org/ejml|pabeles|org/knowm/xchart)/";

    /** A class name in internal form, alone or inside a descriptor or generic signature. */
    private static final Pattern ORIGINAL_INTERNAL_NAME = Pattern.compile("(?:^|[(;)\\[<>:+\\-*]L?|^L)" + ORIGINAL);

    /** A class name in dotted form as a whole constant, e.g. for Class.forName. */
    private static final Pattern ORIGINAL_CLASS_NAME = Pattern.compile(ORIGINAL.replace("/", "\\.") + "[\\w.$]+");

    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(System.getProperty("bundle.jar"));
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void shipsNoKnimeClassesAndNothingOfTheStandIn() throws IOException {
        final List<String> names = entries();
        assertThat(names).noneMatch(n -> n.startsWith("org/knime/"));
        for (final String name : names) {
            if (name.endsWith(".class")) {
                final String constants = new String(bytes(name), StandardCharsets.ISO_8859_1);
                assertThat(constants).as(name).doesNotContain("io/github/sparselr/knime/standin");
            }
        }
    }

    @Test
    void hasTheManifestKnimeNeeds() throws IOException {
        final Attributes m = jar.getManifest().getMainAttributes();
        assertThat(m.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(m.getValue("Bundle-SymbolicName"))
            .isEqualTo(System.getProperty("bundle.symbolicName") + ";singleton:=true");
        assertThat(m.getValue("Bundle-Version")).isEqualTo(System.getProperty("bundle.version"))
            .matches("0\\.1\\.0\\.v\\d{12}");
        assertThat(m.getValue("Require-Bundle")).isEqualTo("org.knime.core;bundle-version=\"[5.1.0,6.0.0)\"");
        // no KNIME packages: only the JDK's Vector API, which KNIME offers if knime.ini adds its module
        assertThat(m.getValue("Import-Package")).isEqualTo("jdk.incubator.vector;resolution:=optional");
        assertThat(m.getValue("Bundle-RequiredExecutionEnvironment")).isEqualTo("JavaSE-17");
        assertThat(m.getValue("Bundle-ActivationPolicy")).isEqualTo("lazy");
        for (final Object value : m.values()) {
            assertThat(value.toString()).doesNotContain(".qualifier").doesNotContain("${");
        }
    }

    @Test
    void embedsTheEngineAndItsLibrariesInTheBundleItselfWithNoNestedJars() throws IOException {
        assertThat(BundleClassPath.classPath(jar)).containsExactly(".");
        assertThat(entries()).noneMatch(n -> n.endsWith(".jar"));
        // the engine as it is, each library relocated
        assertThat(entries()).contains("io/github/sparselr/linear/SagaSolver.class",
            SHADED + "com/fasterxml/jackson/databind/ObjectMapper.class",
            SHADED + "org/apache/commons/csv/CSVParser.class", SHADED + "org/apache/commons/io/IOUtils.class",
            SHADED + "org/apache/commons/codec/digest/DigestUtils.class", SHADED + "org/ejml/data/DMatrixRMaj.class",
            SHADED + "org/knowm/xchart/XYChart.class", SHADED + "org/knowm/xchart/BitmapEncoder.class");
    }

    @Test
    void embedsOnlyTheApacheLicensedLibrariesAndNoneOfXChartsLeftOutDependencies() throws IOException {
        final TreeSet<String> others = new TreeSet<>();
        for (final BundleClassPath.ClassFile c : BundleClassPath.classFiles(jar)) {
            if (c.name().startsWith(SHADED)) {
                final String original = c.name().substring(SHADED.length());
                if (EMBEDDED.stream().noneMatch(original::startsWith)) {
                    others.add(original.substring(0, original.lastIndexOf('/') + 1));
                }
            }
        }
        assertThat(others).as("embedded packages of no library that EMBEDDED lists").isEmpty();
        for (final String name : entries()) {
            final String original = name.startsWith(SHADED) ? name.substring(SHADED.length()) : name;
            assertThat(LEFT_OUT).as(name).noneMatch(original::startsWith);
        }
    }

    @Test
    void noFileInTheBundleIsUnderTheLgpl() throws IOException {
        for (final String name : entries()) {
            if (!name.endsWith("/") && !name.endsWith(".class") && !name.endsWith(".png")) {
                assertThat(new String(bytes(name), StandardCharsets.UTF_8)).as(name)
                    .doesNotContain("LESSER GENERAL PUBLIC LICENSE").doesNotContain("LGPL");
            }
        }
    }

    @Test
    void onlyXChartsVectorAndGifEncodersAndItsSwingPanelNameTheLeftOutLibraries() throws IOException {
        // the encoders call them; XChart's Swing panel only probes for them by name (Class.forName in
        // XChartPanel.showSaveAsDialog, "VectorGraphics2D is optional") to offer SVG, EPS and PDF; the rest of
        // XChart, BitmapEncoder's PNG among it, never reaches them (KnimeReExportsIT draws without them)
        final TreeSet<String> naming = new TreeSet<>();
        for (final BundleClassPath.ClassFile c : BundleClassPath.classFiles(jar)) {
            for (final String constant : c.utf8Constants()) {
                if (LEFT_OUT.stream().anyMatch(p -> constant.contains(p) || constant.contains(p.replace('/', '.')))) {
                    naming.add(c.name().replaceFirst("\\$.*", "").replaceFirst("\\.class$", ""));
                }
            }
        }
        assertThat(naming).containsExactlyInAnyOrder(SHADED + "org/knowm/xchart/VectorGraphicsEncoder",
            SHADED + "org/knowm/xchart/PdfboxGraphicsEncoder", SHADED + "org/knowm/xchart/GifEncoder",
            SHADED + "org/knowm/xchart/XChartPanel");
    }

    @Test
    void everyClassOnTheBundleClassPathIsInSparselrsOwnPackages() throws IOException {
        // what is not ours is relocated under SHADED, so no package name can be another bundle's
        assertThat(BundleClassPath.classFiles(jar)).isNotEmpty().allSatisfy(c -> assertThat(c.name())
            .as(c.container() + "!" + c.name()).startsWith("io/github/sparselr/"));
    }

    @Test
    void noPackageOnTheBundleClassPathIsOneThatOrgKnimeCoreReExports() throws IOException {
        final TreeSet<String> colliding = new TreeSet<>();
        for (final BundleClassPath.ClassFile c : BundleClassPath.classFiles(jar)) {
            final String pkg = c.packageName();
            if (KNIME_REEXPORTED.stream().anyMatch(root -> pkg.equals(root) || pkg.startsWith(root + "."))) {
                colliding.add(c.container() + "!" + pkg);
            }
        }
        assertThat(colliding).as("packages that org.knime.core's re-exports would shadow").isEmpty();
    }

    @Test
    void noClassRefersToAnEmbeddedLibraryUnderItsOriginalName() throws IOException {
        final List<String> unrelocated = new ArrayList<>();
        for (final BundleClassPath.ClassFile c : BundleClassPath.classFiles(jar)) {
            for (final String constant : c.utf8Constants()) {
                if (ORIGINAL_INTERNAL_NAME.matcher(constant).find() || ORIGINAL_CLASS_NAME.matcher(constant).matches()) {
                    unrelocated.add(c.name() + ": " + constant);
                }
            }
        }
        assertThat(unrelocated).isEmpty();
    }

    @Test
    void relocationLeavesNamesThatTheLibrariesOnlyMention() throws IOException {
        // Jackson refuses to deserialize known gadget classes by name; a too wide relocation pattern
        // (org.apache.commons) would rename the commons-collections entries of that list
        final BundleClassPath.ClassFile validator = BundleClassPath.classFiles(jar).stream()
            .filter(c -> c.name().equals(SHADED + "com/fasterxml/jackson/databind/jsontype/impl/SubTypeValidator.class"))
            .findFirst().orElseThrow();
        assertThat(validator.utf8Constants()).contains("org.apache.commons.collections.functors.InvokerTransformer",
            "org.apache.commons.collections4.functors.InvokerTransformer");
    }

    @Test
    void serviceFilesNameRelocatedClassesThatTheBundleHolds() throws IOException {
        final List<String> services = entries().stream()
            .filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/")).toList();
        // jackson-core's JsonFactory and jackson-databind's ObjectCodec, renamed with their classes
        assertThat(services).containsExactlyInAnyOrder(
            "META-INF/services/" + SHADED_DOTTED + "com.fasterxml.jackson.core.JsonFactory",
            "META-INF/services/" + SHADED_DOTTED + "com.fasterxml.jackson.core.ObjectCodec");
        for (final String service : services) {
            final String type = service.substring("META-INF/services/".length());
            assertThat(jar.getEntry(type.replace('.', '/') + ".class")).as(type).isNotNull();
            final List<String> providers = new String(bytes(service), StandardCharsets.UTF_8).lines()
                .map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
            assertThat(providers).as(service).isNotEmpty().allSatisfy(
                provider -> assertThat(jar.getEntry(provider.replace('.', '/') + ".class")).as(provider).isNotNull());
        }
    }

    @Test
    void shipsNoModuleDescriptorAndNoMultiReleaseVariants() throws IOException {
        // a relocated module-info would name packages that are not there; a multi-release variant
        // left out of the relocation would be loaded on newer Java instead of the relocated class
        assertThat(jar.getManifest().getMainAttributes().getValue("Multi-Release")).isNull();
        for (final Map<String, byte[]> container : BundleClassPath.containers(jar).values()) {
            assertThat(container.keySet()).noneMatch(n -> n.endsWith("module-info.class"))
                .noneMatch(n -> n.startsWith("META-INF/versions/"));
        }
    }

    @Test
    void shipsTheNoticesOfTheEmbeddedLibraries() throws IOException {
        // Apache-2.0 section 4(d): the NOTICE of each embedded work travels with it
        assertThat(new String(bytes("META-INF/NOTICE"), StandardCharsets.UTF_8)).contains("Jackson",
            "Apache Commons CSV", "Apache Commons IO", "Apache Commons Codec", "XChart 3.8.8",
            "Copyright 2015-2023 Knowm Inc.");
        // jackson-core's licenses of the code it bundles (MIT and others) travel too
        assertThat(jar.getEntry("META-INF/FastDoubleParser-LICENSE")).isNotNull();
        assertThat(jar.getEntry("META-INF/thirdparty-LICENSE")).isNotNull();
    }

    @Test
    void everyFactoryHasItsDescriptionAndIconInItsPackage() throws Exception {
        final List<String> factories = pluginXml("node", "factory-class");
        assertThat(factories).isNotEmpty();
        for (final String factory : factories) {
            final String path = factory.replace('.', '/');
            assertThat(jar.getEntry(path + ".class")).as(factory).isNotNull();
            assertThat(jar.getEntry(path + ".xml")).as(factory + " description").isNotNull();
            final Element root = SafeXml.parse(new ByteArrayInputStream(bytes(path + ".xml"))).getDocumentElement();
            final String pkg = path.substring(0, path.lastIndexOf('/') + 1);
            final String icon = root.getAttribute("icon").replaceFirst("^\\./", "");
            assertThat(jar.getEntry(pkg + icon)).as(factory + " icon " + icon).isNotNull();
        }
        for (final String portClass : pluginXml("portType", "objectClass")) {
            assertThat(jar.getEntry(portClass.replace('.', '/') + ".class")).as(portClass).isNotNull();
        }
        for (final String serializer : pluginXml("portType", "objectSerializer")) {
            assertThat(jar.getEntry(serializer.replace('.', '/') + ".class")).as(serializer).isNotNull();
        }
        for (final String icon : pluginXml("category", "icon")) {
            assertThat(jar.getEntry(icon)).as(icon).isNotNull();
        }
    }

    @Test
    void shipsTheProjectsLicenseAtItsRoot() throws IOException {
        assertThat(jar.getEntry("LICENSE")).as("LICENSE in the bundle").isNotNull();
        final String bundled = new String(bytes("LICENSE"), StandardCharsets.UTF_8);
        assertThat(bundled).contains("Apache License").contains("Version 2.0, January 2004")
            .isEqualTo(Files.readString(Path.of("..", "LICENSE")));
    }

    @Test
    void ourClassesTargetJava17AndNoEmbeddedClassNeedsANewerJava() throws IOException {
        for (final BundleClassPath.ClassFile c : BundleClassPath.classFiles(jar)) {
            if (c.name().startsWith(SHADED)) {
                assertThat(c.majorVersion()).as(c.name()).isLessThanOrEqualTo(61);
            } else {
                assertThat(c.majorVersion()).as(c.name()).isEqualTo(61);
            }
        }
    }

    private static List<String> pluginXml(final String element, final String attribute) throws Exception {
        assertThat(jar.getEntry("plugin.xml")).isNotNull();
        try (InputStream in = jar.getInputStream(jar.getEntry("plugin.xml"))) {
            final NodeList nodes = SafeXml.parse(in).getElementsByTagName(element);
            final List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(((Element) nodes.item(i)).getAttribute(attribute));
            }
            return values;
        }
    }

    private static List<String> entries() {
        return Collections.list(jar.entries()).stream().map(JarEntry::getName).collect(Collectors.toList());
    }

    private static byte[] bytes(final String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
