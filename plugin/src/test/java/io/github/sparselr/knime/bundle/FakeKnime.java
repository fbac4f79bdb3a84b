package io.github.sparselr.knime.bundle;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * KNIME 5.1's class loading as our bundle meets it, in Apache Felix: a bundle made from knime-standin
 * that poses as org.knime.core 5.1.0 and, as the real one does, re-exports org.knime.core.util, which
 * exports commons-io's packages from an older commons-io (2.4, the lower bound of the real bundle's
 * range).
 */
final class FakeKnime implements AutoCloseable {

    /** What KNIME 5.1.0's org.knime.core.util exports of commons-io (knime-shared, its META-INF/MANIFEST.MF). */
    static final List<String> COMMONS_IO_PACKAGES = List.of("org.apache.commons.io", "org.apache.commons.io.comparator",
        "org.apache.commons.io.filefilter", "org.apache.commons.io.input", "org.apache.commons.io.output");

    final Framework framework;

    final Bundle knimeCoreUtil;

    final Bundle knimeCore;

    private final Path dir;

    private FakeKnime(final Path dir) throws Exception {
        this.dir = dir;
        final Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, dir.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Eclipse (and so KNIME) delegates JDK packages to the boot class loader without imports
        config.put(Constants.FRAMEWORK_BOOTDELEGATION, "javax.*,org.w3c.*,org.xml.*,sun.*,com.sun.*,jdk.*");
        // Equinox's system bundle exports every package of the boot layer's modules; the Vector API's
        // is among them when knime.ini adds its module, as the test JVMs here do
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "jdk.incubator.vector");
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
        final BundleContext context = framework.getBundleContext();
        knimeCoreUtil = context.installBundle(knimeCoreUtilBundle().toURI().toString());
        knimeCore = context.installBundle(knimeCoreBundle().toURI().toString());
    }

    /** Starts Felix in {@code dir} with the fake org.knime.core.util and org.knime.core installed. */
    static FakeKnime start(final Path dir) throws Exception {
        return new FakeKnime(dir);
    }

    Bundle install(final File bundle) throws Exception {
        return framework.getBundleContext().installBundle(bundle.toURI().toString());
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    /** The stand-in's classes in a bundle named org.knime.core 5.1.0 that exports every org.knime package. */
    private File knimeCoreBundle() throws IOException {
        final File standin = new File(System.getProperty("standin.jar"));
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", "org.knime.core");
        headers.put("Bundle-Version", "5.1.0");
        headers.put("Export-Package", String.join(",", packages(standin, p -> p.startsWith("org.knime."))));
        // as in KNIME 5.1.0's org.knime.core/META-INF/MANIFEST.MF
        headers.put("Require-Bundle", "org.knime.core.util;bundle-version=\"[6.0.0,7.0.0)\";visibility:=reexport");
        // all of the stand-in: its own helper classes too, exported or not
        return bundle("org.knime.core_5.1.0.jar", headers, standin, p -> true);
    }

    /** commons-io 2.4's classes in a bundle named org.knime.core.util 6.0.0 that exports them as the real one. */
    private File knimeCoreUtilBundle() throws IOException {
        final File commonsIo = new File(System.getProperty("older.commons.io.jar"));
        final Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-SymbolicName", "org.knime.core.util");
        headers.put("Bundle-Version", "6.0.0");
        headers.put("Export-Package", String.join(",", COMMONS_IO_PACKAGES.stream().map(p -> p + ";version=\"2.4.0\"")
            .toList()));
        return bundle("org.knime.core.util_6.0.0.jar", headers, commonsIo, p -> p.startsWith("org.apache.commons.io"));
    }

    /** A bundle with the given headers and the classes of {@code source} whose package {@code include} accepts. */
    File bundle(final String fileName, final Map<String, String> headers, final File source,
        final Predicate<String> include) throws IOException {
        final File out = dir.resolve(fileName).toFile();
        final Manifest manifest = new Manifest();
        final Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(a::putValue);
        try (JarFile in = new JarFile(source);
                OutputStream file = Files.newOutputStream(out.toPath());
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (final JarEntry e : Collections.list(in.entries())) {
                if (e.isDirectory() || e.getName().startsWith("META-INF/") || !include.test(packageOf(e.getName()))) {
                    continue;
                }
                jar.putNextEntry(new JarEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return out;
    }

    /** A bundle with the given headers whose entries are the given files, e.g. nested jars under lib/. */
    File bundle(final String fileName, final Map<String, String> headers, final Map<String, Path> entries)
        throws IOException {
        final File out = dir.resolve(fileName).toFile();
        final Manifest manifest = new Manifest();
        final Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(a::putValue);
        try (OutputStream file = Files.newOutputStream(out.toPath());
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            for (final Map.Entry<String, Path> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                Files.copy(e.getValue(), jar);
                jar.closeEntry();
            }
        }
        return out;
    }

    private static TreeSet<String> packages(final File jarFile, final Predicate<String> include) throws IOException {
        final TreeSet<String> packages = new TreeSet<>();
        try (JarFile in = new JarFile(jarFile)) {
            for (final JarEntry e : Collections.list(in.entries())) {
                if (e.getName().endsWith(".class") && include.test(packageOf(e.getName()))) {
                    packages.add(packageOf(e.getName()));
                }
            }
        }
        return packages;
    }

    private static String packageOf(final String entryName) {
        final int slash = entryName.lastIndexOf('/');
        return slash < 0 ? "" : entryName.substring(0, slash).replace('/', '.');
    }
}
