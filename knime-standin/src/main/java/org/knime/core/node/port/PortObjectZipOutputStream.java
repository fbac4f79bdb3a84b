package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Stand-in for KNIME 5.1's {@code PortObjectZipOutputStream}; only the framework creates one. */
public class PortObjectZipOutputStream extends ZipOutputStream {

    private PortObjectZipOutputStream(final OutputStream outStream) {
        super(outStream);
    }
}
