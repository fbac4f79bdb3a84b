package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Stand-in for KNIME 5.1's {@code PortObjectZipInputStream}; only the framework creates one. */
public class PortObjectZipInputStream extends ZipInputStream {

    private PortObjectZipInputStream(final InputStream inStream) {
        super(inStream);
    }
}
