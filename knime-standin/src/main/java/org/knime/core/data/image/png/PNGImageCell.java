package org.knime.core.data.image.png;

import java.util.Arrays;
import org.knime.core.data.DataCell;

/** Stand-in for KNIME 5.1's {@code PNGImageCell}; made by {@link PNGImageContent#toImageCell()}. */
public class PNGImageCell extends DataCell {

    private static final long serialVersionUID = 1L;

    private final PNGImageContent m_content;

    private PNGImageCell(final PNGImageContent content) {
        m_content = content;
    }

    public PNGImageContent getImageContent() {
        return m_content;
    }

    @Override
    public String toString() {
        return m_content.getSummary();
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Arrays.equals(m_content.getByteArray(), ((PNGImageCell) dc).m_content.getByteArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_content.getByteArray());
    }
}
