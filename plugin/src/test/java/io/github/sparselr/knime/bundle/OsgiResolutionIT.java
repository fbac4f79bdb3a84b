package io.github.sparselr.knime.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.knime.standin.SafeXml;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Installs the shipped bundle into Apache Felix next to a bundle made from knime-standin that poses
 * as org.knime.core 5.1.0 (with the org.knime.core.util it re-exports, see {@link FakeKnime}), and
 * loads through our bundle every class plugin.xml names.
 */
class OsgiResolutionIT {

    @TempDir
    static Path temp;

    private static FakeKnime knime;

    private static Bundle knimeCore;

    private static Bundle sparselr;

    @BeforeAll
    static void startFramework() throws Exception {
        knime = FakeKnime.start(temp);
        knimeCore = knime.knimeCore;
        sparselr = knime.install(new File(System.getProperty("bundle.jar")));
    }

    @AfterAll
    static void stopFramework() throws Exception {
        knime.close();
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
}
