package org.knime.core.node;

import io.github.sparselr.knime.standin.ProgressRecorder;
import io.github.sparselr.knime.standin.StandinInternals;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;

/** Stand-in for KNIME 5.1's {@code ExecutionContext}: progress plus the factory of output tables. */
public class ExecutionContext extends ExecutionMonitor {

    private final ProgressRecorder m_recorder;

    private final double m_offset;

    private final double m_width;

    private final boolean m_silent;

    private ExecutionContext(final ProgressRecorder recorder, final double offset, final double width,
        final boolean silent) {
        super();
        try {
            StandinInternals.invoke(ExecutionMonitor.class, "attach",
                new Class<?>[] {ProgressRecorder.class, double.class, double.class, boolean.class}, this, recorder,
                offset, width, silent);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        m_recorder = recorder;
        m_offset = offset;
        m_width = width;
        m_silent = silent;
    }

    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        final BufferedDataContainer container = createDataContainer(table.getDataTableSpec());
        for (final DataRow row : table) {
            subProgressMon.checkCanceled();
            container.addRowToTable(row);
        }
        container.close();
        return container.getTable();
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return createDataContainer(spec, true);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return StandinInternals.construct(BufferedDataContainer.class,
            new Class<?>[] {DataTableSpec.class, boolean.class}, spec, initDomain);
    }

    /**
     * A table of {@code in}'s columns rearranged as {@code rearranger} says, the new ones computed by its
     * cell factories (KNIME's {@code RearrangeColumnsTable#create}); the unchanged columns are not copied.
     */
    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in, final ColumnRearranger rearranger,
        final ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        try {
            return (BufferedDataTable) StandinInternals.invoke(ColumnRearranger.class, "createTable",
                new Class<?>[] {BufferedDataTable.class, ExecutionContext.class, ExecutionMonitor.class}, rearranger, in,
                this, subProgressMon);
        } catch (CanceledExecutionException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        if (newSpec.getNumColumns() != in.getDataTableSpec().getNumColumns()) {
            throw new IllegalArgumentException("The new spec has " + newSpec.getNumColumns()
                + " columns, the table " + in.getDataTableSpec().getNumColumns() + ".");
        }
        return StandinInternals.construct(BufferedDataTable.class, new Class<?>[] {DataTableSpec.class,
            java.util.List.class}, newSpec, StandinInternals.read(BufferedDataTable.class, "m_rows", in));
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        final ExecutionMonitor sub = createSubProgress(maxProg);
        return new ExecutionContext(m_recorder, (double) StandinInternals.read(ExecutionMonitor.class, "m_offset", sub),
            (double) StandinInternals.read(ExecutionMonitor.class, "m_width", sub), m_silent);
    }

    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        final ExecutionMonitor sub = createSilentSubProgress(maxProg);
        return new ExecutionContext(m_recorder, (double) StandinInternals.read(ExecutionMonitor.class, "m_offset", sub),
            (double) StandinInternals.read(ExecutionMonitor.class, "m_width", sub), true);
    }
}
