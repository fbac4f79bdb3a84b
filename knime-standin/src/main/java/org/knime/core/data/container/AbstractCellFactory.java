package org.knime.core.data.container;

import java.util.Arrays;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME 5.1's {@code AbstractCellFactory}: a {@link CellFactory} for the given column specs,
 * processing rows sequentially (the stand-in has no parallel processing).
 */
public abstract class AbstractCellFactory implements CellFactory {

    private static final String PROGRESS_TEMPLATE = "Processed row %s/%s (\"%s\")";

    private final DataColumnSpec[] m_colSpecs;

    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        if (colSpecs == null || Arrays.asList(colSpecs).contains(null)) {
            throw new NullPointerException("Argument must not be null or contain null elements");
        }
        m_colSpecs = colSpecs;
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_colSpecs;
    }

    /** Called after all rows have been processed (either successfully or failed). */
    public void afterProcessing() {
        // no op, possibly overwritten
    }

    @Override
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        exec.setProgress(curRowNr / (double) rowCount, String.format(PROGRESS_TEMPLATE, curRowNr, rowCount, lastKey));
    }
}
