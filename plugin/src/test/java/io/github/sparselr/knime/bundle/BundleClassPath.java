package io.github.sparselr.knime.bundle;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

/**
 * The class files a bundle's class loader can see in the bundle itself: the entries of every container
 * its {@code Bundle-ClassPath} lists ({@code .} or a nested jar), with their bytes.
 */
final class BundleClassPath {

    /** One class file: the container it sits in, its entry name, its bytes. */
    record ClassFile(String container, String name, byte[] bytes) {

        /** The package in dotted form, e.g. {@code io.github.sparselr.linear}; "" for the default package. */
        String packageName() {
            final int slash = name.lastIndexOf('/');
            return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
        }

        /** The class file's major version: 61 is Java 17. */
        int majorVersion() {
            return ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        }

        /** The CONSTANT_Utf8 entries of the constant pool: class names, descriptors, signatures, string literals. */
        List<String> utf8Constants() throws IOException {
            final DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.skipBytes(8);
            final int count = in.readUnsignedShort();
            final List<String> out = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                final int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF()); // Utf8: u2 length + modified UTF-8, as readUTF reads it
                    case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        i++; // a long or double takes two slots (JVMS 4.4.5)
                    }
                    default -> throw new IOException(name + ": unknown constant pool tag " + tag);
                }
            }
            return out;
        }
    }

    private BundleClassPath() {
    }

    /** Every class file of every container on the bundle's class path, in class path order. */
    static List<ClassFile> classFiles(final JarFile bundle) throws IOException {
        final List<ClassFile> out = new ArrayList<>();
        for (final Map.Entry<String, Map<String, byte[]>> container : containers(bundle).entrySet()) {
            for (final Map.Entry<String, byte[]> e : container.getValue().entrySet()) {
                if (e.getKey().endsWith(".class")) {
                    out.add(new ClassFile(container.getKey(), e.getKey(), e.getValue()));
                }
            }
        }
        return out;
    }

    /** The entries (name to bytes) of each container the bundle's class path lists. */
    static Map<String, Map<String, byte[]>> containers(final JarFile bundle) throws IOException {
        final Map<String, Map<String, byte[]>> out = new LinkedHashMap<>();
        for (final String container : classPath(bundle)) {
            final Map<String, byte[]> entries = new LinkedHashMap<>();
            if (container.equals(".")) {
                for (final JarEntry e : Collections.list(bundle.entries())) {
                    if (!e.isDirectory()) {
                        entries.put(e.getName(), read(bundle, e.getName()));
                    }
                }
            } else {
                if (bundle.getEntry(container) == null) {
                    throw new IOException("Bundle-ClassPath lists " + container + ", which the bundle does not hold");
                }
                try (JarInputStream nested = new JarInputStream(bundle.getInputStream(bundle.getEntry(container)))) {
                    for (JarEntry e = nested.getNextJarEntry(); e != null; e = nested.getNextJarEntry()) {
                        if (!e.isDirectory()) {
                            entries.put(e.getName(), nested.readAllBytes());
                        }
                    }
                }
            }
            out.put(container, entries);
        }
        return out;
    }

    /** The Bundle-ClassPath header's entries; "." when the header is absent, as OSGi defines it. */
    static List<String> classPath(final JarFile bundle) throws IOException {
        final String header = bundle.getManifest().getMainAttributes().getValue("Bundle-ClassPath");
        return header == null ? List.of(".") : Arrays.stream(header.split(",")).map(String::trim).toList();
    }

    static byte[] read(final JarFile jar, final String name) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
