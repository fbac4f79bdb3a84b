package io.github.sparselr.knime.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.standin.SafeXml;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Installs the shipped bundle into Apache Felix next to a bundle made from knime-standin that poses
 * as org.knime.core 5.1.0, and loads through our bundle every class plugin.xml names.
 */
class OsgiResolutionIT {

    @TempDir
    static Path temp;

    private static Framework framework;

    private static Bundle knimeCore;

    private static Bundle sparselr;

    @BeforeAll
    static void startFramework() throws Exception {
        final Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, temp.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Eclipse (and so KNIME) delegates JDK packages to the boot class loader without imports
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "javax.*,org.w3c.*,org.xml.*,sun.*,com.sun.*,jdk.*");
        // Equinox's system bundle exports every package of the boot layer's modules; the Vector API's
        // is among them when knime.ini adds its module, as the test JVMs here do
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "jdk.incubator.vector");
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
        final BundleContext context = framework.getBundleContext();
        final File standin = knimeCoreBundle(new File(System.getProperty("standin.jar")));
        knimeCore = context.installBundle(standin.toURI().toString());
        sparselr = context.installBundle(new File(System.getProperty("bundle.jar")).toURI().toString());
    }

    @AfterAll
    static void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void ourBundleResolvesAgainstOrgKnimeCore510() throws Exception {
        sparselr.start(Bundle.START_ACTIVATION_POLICY);
        assertThat(sparselr.getState()).isIn(Bundle.RESOLVED, Bundle.STARTING, Bundle.ACTIVE);
        assertThat(sparselr.getSymbolicName()).isEqualTo(System.getProperty("bundle.symbolicName"));
        final List<BundleWire> wires = sparselr.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.bundle");
        assertThat(wires).hasSize(1);
        assertThat(wires.get(0).getProvider().getBundle()).isEqualTo(knimeCore);
        assertThat(knimeCore.getVersion().toString()).isEqualTo("5.1.0");
    }

    @Test
    void everyFactoryNamedInPluginXmlLoadsAndInstantiatesThroughOurBundle() throws Exception {
        final List<String> factories = pluginXml("node", "factory-class");
        assertThat(factories).isNotEmpty();
        for (final String name : factories) {
            final Class<?> factoryClass = sparselr.loadClass(name);
            final Object factory = factoryClass.getConstructor().newInstance();
            // the KNIME types come from the org.knime.core bundle, not from the test class path
            assertThat(factoryClass.getSuperclass().getName()).isEqualTo("org.knime.core.node.NodeFactory");
            assertThat(classLoaderBundle(factoryClass.getSuperclass())).isEqualTo(knimeCore);
            final Object model = factoryClass.getMethod("createNodeModel").invoke(factory);
            assertThat(model.getClass().getClassLoader()).isSameAs(factoryClass.getClassLoader());
            final Object nodeName = factoryClass.getMethod("getNodeName").invoke(factory);
            assertThat(nodeName).isNotEqualTo("?");
        }
    }

    @Test
    void everyPortObjectAndSerializerLoadsAndInstantiatesThroughOurBundle() throws Exception {
        final List<String> objects = pluginXml("portType", "objectClass");
        final List<String> serializers = pluginXml("portType", "objectSerializer");
        for (int i = 0; i < objects.size(); i++) {
            final Class<?> object = sparselr.loadClass(objects.get(i));
            assertThat(object.getConstructor().newInstance()).isNotNull();
            final Class<?> serializer = sparselr.loadClass(serializers.get(i));
            final Object instance = serializer.getConstructor().newInstance();
            assertThat(sparselr.loadClass("org.knime.core.node.port.PortObject$PortObjectSerializer")
                .isInstance(instance)).isTrue();
        }
        for (final String spec : pluginXml("portType", "specClass")) {
            assertThat(classLoaderBundle(sparselr.loadClass(spec))).isEqualTo(knimeCore);
        }
    }

    @Test
    void theEmbeddedEngineLoadsFromTheBundleClassPath() throws Exception {
        final Class<?> scaler = sparselr.loadClass("io.github.sparselr.preprocessing.StandardScaler");
        assertThat(classLoaderBundle(scaler)).isEqualTo(sparselr);
    }

    @Test
    void theEngineWiresTheVectorApiThroughItsOptionalImportAndUsesItsLanes() throws Exception {
        sparselr.start(Bundle.START_ACTIVATION_POLICY);
        final List<BundleWire> wires = sparselr.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package");
        assertThat(wires).hasSize(1);
        assertThat(wires.get(0).getCapability().getAttributes().get("osgi.wiring.package"))
            .isEqualTo("jdk.incubator.vector");
        assertThat(wires.get(0).getProvider().getBundle().getBundleId()).isZero();

        final Class<?> parameters = sparselr.loadClass("io.github.sparselr.linear.SagaParameters");
        final Class<?> solver = sparselr.loadClass("io.github.sparselr.linear.SagaSolver");
        assertThat(classLoaderBundle(solver)).isEqualTo(sparselr);
        final Object instance = solver.getConstructor(parameters)
            .newInstance(parameters.getMethod("mnistStudy").invoke(null));
        // the same answer as outside OSGi, where the test JVM resolves the module
        assertThat(solver.getMethod("usesVectorLanes").invoke(instance))
            .isEqualTo(new SagaSolver(SagaParameters.mnistStudy()).usesVectorLanes());
    }

    private static Bundle classLoaderBundle(final Class<?> c) {
        return org.osgi.framework.FrameworkUtil.getBundle(c);
    }

    private static List<String> pluginXml(final String element, final String attribute) throws Exception {
        final URL entry = sparselr.getEntry("plugin.xml");
        assertThat(entry).isNotNull();
        try (InputStream in = entry.openStream()) {
            final NodeList nodes = SafeXml.parse(in).getElementsByTagName(element);
            final List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(((Element) nodes.item(i)).getAttribute(attribute));
            }
            return values;
        }
    }

    /** The stand-in's classes in a bundle named org.knime.core 5.1.0 that exports every org.knime package. */
    private static File knimeCoreBundle(final File standinJar) throws IOException {
        final File out = temp.resolve("org.knime.core_5.1.0.jar").toFile();
        try (JarFile in = new JarFile(standinJar)) {
            final TreeSet<String> packages = new TreeSet<>();
            for (final JarEntry e : Collections.list(in.entries())) {
                if (e.getName().startsWith("org/knime/") && e.getName().endsWith(".class")) {
                    packages.add(e.getName().substring(0, e.getName().lastIndexOf('/')).replace('/', '.'));
                }
            }
            final Manifest manifest = new Manifest();
            final Attributes a = manifest.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", "org.knime.core");
            a.putValue("Bundle-Version", "5.1.0");
            a.putValue("Export-Package", String.join(",", packages));
            try (OutputStream file = Files.newOutputStream(out.toPath());
                    JarOutputStream jar = new JarOutputStream(file, manifest)) {
                for (final JarEntry e : Collections.list(in.entries())) {
                    if (e.getName().startsWith("META-INF/") || e.isDirectory()) {
                        continue;
                    }
                    jar.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
        }
        return out;
    }
}
