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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What ships: the bundle jar as KNIME will read it. */
class BundleJarIT {

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
    void bundleClassPathListsExactlyTheEmbeddedLibraries() throws IOException {
        final List<String> classPath = Arrays.stream(
            jar.getManifest().getMainAttributes().getValue("Bundle-ClassPath").split(",")).map(String::trim)
            .collect(Collectors.toList());
        final List<String> libs = entries().stream().filter(n -> n.startsWith("lib/") && n.endsWith(".jar"))
            .collect(Collectors.toList());
        assertThat(classPath.get(0)).isEqualTo(".");
        assertThat(classPath.subList(1, classPath.size())).containsExactlyInAnyOrderElementsOf(libs);
        assertThat(libs).contains("lib/sparselr-core.jar");
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
    void classesTargetJava17() throws IOException {
        for (final String name : entries()) {
            if (name.endsWith(".class")) {
                final byte[] b = bytes(name);
                assertThat(((b[6] & 0xff) << 8) | (b[7] & 0xff)).as(name).isEqualTo(61);
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
