package org.knime.core.data.image;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import org.knime.core.data.DataCell;

/** Stand-in for KNIME 5.1's {@code ImageContent}. */
public interface ImageContent {

    public void paint(final Graphics2D g, final int maxWidth, final int maxHeight);

    public Dimension getPreferredSize();

    public DataCell toImageCell();

    public void save(final OutputStream out) throws IOException;

    public String getSummary();
}
