package io.github.sparselr.updatesite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the p2 repository as KNIME's install dialog would: category, feature, bundle, requirements. */
class UpdateSiteIT {

    private static final String VERSION = System.getProperty("osgi.version");
    private static final String BUNDLE = System.getProperty("bundle.symbolicName");
    private static final String FEATURE = System.getProperty("feature.id");
    private static final Path REPOSITORY = Path.of(System.getProperty("p2.repository"));

    private static List<Element> units;

    @BeforeAll
    static void readContent() throws Exception {
        units = children(parse(REPOSITORY.resolve("content.xml")).getDocumentElement(), "unit");
    }

    @Test
    void theCategoryGroupsTheFeature() {
        final Element category = units.stream()
            .filter(u -> property(u, "org.eclipse.equinox.p2.type.category").orElse("").equals("true"))
            .findFirst().orElseThrow(() -> new AssertionError("no category unit in content.xml"));
        assertThat(property(category, "org.eclipse.equinox.p2.name")).contains("sparselr");
        assertThat(requirements(category)).containsExactly(
            "org.eclipse.equinox.p2.iu " + FEATURE + ".feature.group [" + VERSION + "," + VERSION + "]");
    }

    @Test
    void theFeatureGroupInstallsExactlyThisBundle() {
        final Element group = unit(FEATURE + ".feature.group");
        assertThat(group.getAttribute("version")).isEqualTo(VERSION).matches("0\\.1\\.0\\.v\\d{12}");
        assertThat(property(group, "org.eclipse.equinox.p2.type.group")).contains("true");
        assertThat(requirements(group))
            .contains("org.eclipse.equinox.p2.iu " + BUNDLE + " [" + VERSION + "," + VERSION + "]");
    }

    @Test
    void theBundleRequiresOrgKnimeCore51To6() {
        final Element bundle = unit(BUNDLE);
        assertThat(bundle.getAttribute("version")).isEqualTo(VERSION);
        assertThat(requirements(bundle)).contains("osgi.bundle org.knime.core [5.1.0,6.0.0)");
    }

    @Test
    void theArtifactsAreInTheRepositoryAndInItsZip() throws Exception {
        final String plugin = "plugins/" + BUNDLE + "_" + VERSION + ".jar";
        final String feature = "features/" + FEATURE + "_" + VERSION + ".jar";
        final Document artifacts = parse(REPOSITORY.resolve("artifacts.xml"));
        final List<String> listed = new ArrayList<>();
        for (final Element a : children(artifacts.getDocumentElement(), "artifact")) {
            listed.add(a.getAttribute("classifier") + " " + a.getAttribute("id") + " " + a.getAttribute("version"));
        }
        assertThat(listed).containsExactlyInAnyOrder("osgi.bundle " + BUNDLE + " " + VERSION,
            "org.eclipse.update.feature " + FEATURE + " " + VERSION);
        assertThat(REPOSITORY.resolve(plugin)).exists();
        try (JarFile featureJar = new JarFile(REPOSITORY.resolve(feature).toFile())) {
            final String xml = new String(featureJar.getInputStream(featureJar.getEntry("feature.xml")).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xml).contains("version=\"" + VERSION + "\"").doesNotContain("qualifier").doesNotContain("${");
        }
        try (ZipFile zip = new ZipFile(new File(System.getProperty("p2.zip")))) {
            final List<String> names = new ArrayList<>();
            for (final ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
            }
            assertThat(names).contains("content.xml", "artifacts.xml", plugin, feature);
            try (InputStream in = zip.getInputStream(zip.getEntry("content.xml"))) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(REPOSITORY.resolve("content.xml")));
            }
        }
    }

    @Test
    void theRepositoryHoldsTheShadedBundleNotThePlainJar() throws Exception {
        // the plain jar (the runner's) has our classes only; the bundle has the engine and its relocated libraries
        try (JarFile bundle = new JarFile(REPOSITORY.resolve("plugins/" + BUNDLE + "_" + VERSION + ".jar").toFile())) {
            assertThat(bundle.getEntry("io/github/sparselr/linear/SagaSolver.class")).isNotNull();
            assertThat(bundle.getEntry("io/github/sparselr/knime/internal/shaded/com/fasterxml/jackson/databind/"
                + "ObjectMapper.class")).isNotNull();
            assertThat(bundle.getManifest().getMainAttributes().getValue("Bundle-ClassPath")).isEqualTo(".");
        }
    }

    private static Element unit(final String id) {
        return units.stream().filter(u -> u.getAttribute("id").equals(id)).findFirst()
            .orElseThrow(() -> new AssertionError("no unit " + id + " in content.xml"));
    }

    private static Optional<String> property(final Element unit, final String name) {
        for (final Element p : children(unit, "property")) {
            if (p.getAttribute("name").equals(name)) {
                return Optional.of(p.getAttribute("value"));
            }
        }
        return Optional.empty();
    }

    private static List<String> requirements(final Element unit) {
        final List<String> out = new ArrayList<>();
        for (final Element r : children(unit, "required")) {
            out.add(r.getAttribute("namespace") + " " + r.getAttribute("name") + " " + r.getAttribute("range"));
        }
        return out;
    }

    private static List<Element> children(final Element root, final String tag) {
        final NodeList nodes = root.getElementsByTagName(tag);
        final List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Document parse(final Path file) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
