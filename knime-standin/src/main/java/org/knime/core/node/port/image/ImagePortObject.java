package org.knime.core.node.port.image;

import java.io.IOException;
import java.util.zip.ZipEntry;
import javax.swing.JComponent;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Stand-in for KNIME 5.1's {@code ImagePortObject}: one image on a port. */
public class ImagePortObject extends AbstractPortObject {

    /** Serializer of image ports. */
    public static final class Serializer extends AbstractPortObjectSerializer<ImagePortObject> {
    }

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ImagePortObject.class);

    private ImageContent m_content;

    private ImagePortObjectSpec m_spec;

    public ImagePortObject() {
    }

    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        if (spec == null || content == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_content = content;
        m_spec = spec;
    }

    public DataCell toDataCell() {
        final DataCell result = m_content.toImageCell();
        return m_spec.getDataType().isASuperTypeOf(result.getType()) ? result : DataType.getMissingCell();
    }

    @Override
    public String getSummary() {
        return m_content.getSummary();
    }

    @Override
    public ImagePortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        final ZipEntry entry = in.getNextEntry();
        if (entry == null || !PNGImageContent.class.getName().equals(entry.getName())) {
            throw new IOException("The stand-in reads PNG image ports only, found " + entry);
        }
        m_content = new PNGImageContent(in.readAllBytes());
        m_spec = (ImagePortObjectSpec) spec;
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(m_content.getClass().getName()));
        m_content.save(out);
        out.closeEntry();
    }
}
