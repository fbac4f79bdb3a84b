package org.knime.core.data.image.png;

import io.github.sparselr.knime.standin.StandinInternals;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.image.ImageContent;

/** Stand-in for KNIME 5.1's {@code PNGImageContent}: the bytes of one PNG image. */
public class PNGImageContent implements ImageContent {

    public static final DataType TYPE = DataType.getType(PNGImageCell.class);

    private final byte[] m_bytes;

    public PNGImageContent(final byte[] imageBytes) {
        if (imageBytes == null) {
            throw new NullPointerException("Argument must not be null.");
        }
        m_bytes = imageBytes.clone();
    }

    public byte[] getByteArray() {
        return m_bytes.clone();
    }

    public Image getImage() {
        try {
            return ImageIO.read(new ByteArrayInputStream(m_bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void paint(final Graphics2D g, final int width, final int height) {
        g.drawImage(getImage(), 0, 0, width, height, null);
    }

    @Override
    public void save(final OutputStream output) throws IOException {
        output.write(m_bytes);
    }

    @Override
    public DataCell toImageCell() {
        return StandinInternals.construct(PNGImageCell.class, new Class<?>[] {PNGImageContent.class}, this);
    }

    @Override
    public Dimension getPreferredSize() {
        final Image image = getImage();
        return image instanceof BufferedImage
            ? new Dimension(((BufferedImage) image).getWidth(), ((BufferedImage) image).getHeight()) : new Dimension();
    }

    @Override
    public String getSummary() {
        final Dimension size = getPreferredSize();
        return "PNG image " + size.width + " x " + size.height;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_bytes);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof PNGImageContent && Arrays.equals(m_bytes, ((PNGImageContent) o).m_bytes);
    }
}
