package org.knime.core.data.container;

import io.github.sparselr.knime.standin.RearrangedRow;
import io.github.sparselr.knime.standin.StandinInternals;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

/**
 * Stand-in for KNIME 5.1's {@code ColumnRearranger}: describes a table made of some columns of a
 * reference table and new columns computed by {@link CellFactory}s, for
 * {@code ExecutionContext#createColumnRearrangeTable}.
 */
public class ColumnRearranger {

    /**
     * One column of the result: an original column (factory null, index into the original spec) or a new
     * one (its factory, index into the factory's columns). As KNIME's {@code SpecAndFactoryObject}.
     */
    private record Include(DataColumnSpec spec, CellFactory factory, int index) {
    }

    private final List<Include> m_includes = new ArrayList<>();

    private final DataTableSpec m_originalSpec;

    public ColumnRearranger(final DataTableSpec original) {
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_includes.add(new Include(original.getColumnSpec(i), null, i));
        }
        m_originalSpec = original;
    }

    public final void insertAt(final int position, final CellFactory fac) {
        final DataColumnSpec[] colSpecs = fac.getColumnSpecs();
        for (int i = colSpecs.length - 1; i >= 0; i--) {
            m_includes.add(position, new Include(colSpecs[i], fac, i));
        }
    }

    public final void append(final CellFactory fac) {
        insertAt(m_includes.size(), fac);
    }

    public final void replace(final CellFactory fac, final int... colIndex) {
        final DataColumnSpec[] colSpecs = fac.getColumnSpecs();
        if (colSpecs.length != colIndex.length) {
            throw new IndexOutOfBoundsException("Arguments do not provide to same number of columns: "
                + colSpecs.length + " vs. " + colIndex.length);
        }
        for (int i = 0; i < colSpecs.length; i++) {
            m_includes.remove(colIndex[i]);
            m_includes.add(colIndex[i], new Include(colSpecs[i], fac, i));
        }
    }

    public final DataTableSpec createSpec() {
        final DataColumnSpec[] colSpecs = new DataColumnSpec[m_includes.size()];
        for (int i = 0; i < colSpecs.length; i++) {
            colSpecs[i] = m_includes.get(i).spec();
        }
        return new DataTableSpec(colSpecs);
    }

    /**
     * Makes the table, as KNIME's {@code RearrangeColumnsTable#create} (sequential processing): each
     * factory's cells for each row, in row order, with its {@code setProgress} after each row and a cancel
     * check; {@code afterProcessing} at the end, also on failure. The new columns go into a container whose
     * domains start from the factories' specs; the others keep their specs and cells (rows are views).
     * Called by {@code ExecutionContext#createColumnRearrangeTable}.
     */
    private BufferedDataTable createTable(final BufferedDataTable table, final ExecutionContext context,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        if (!table.getDataTableSpec().equalStructure(m_originalSpec)) {
            throw new IllegalArgumentException("The table's spec does not match the spec the rearranger was made for.");
        }
        final List<DataColumnSpec> newSpecs = new ArrayList<>();
        // for each factory: pairs {index among the new columns, index among the factory's columns}
        final Map<CellFactory, List<int[]>> factories = new IdentityHashMap<>();
        CellFactory forProgress = null;
        final boolean[] isFromReference = new boolean[m_includes.size()];
        final int[] index = new int[m_includes.size()];
        for (int i = 0; i < index.length; i++) {
            final Include c = m_includes.get(i);
            if (c.factory() == null) {
                isFromReference[i] = true;
                index[i] = c.index();
            } else {
                index[i] = newSpecs.size();
                factories.computeIfAbsent(c.factory(), f -> new ArrayList<>()).add(new int[] {newSpecs.size(), c.index()});
                newSpecs.add(c.spec());
                forProgress = forProgress == null ? c.factory() : forProgress;
            }
        }
        final List<DataRow> rows = new ArrayList<>();
        if (newSpecs.isEmpty()) {
            for (final DataRow row : table) {
                rows.add(new RearrangedRow(row, null, isFromReference, index));
            }
        } else {
            final BufferedDataContainer container =
                context.createDataContainer(new DataTableSpec(newSpecs.toArray(new DataColumnSpec[0])), true);
            final long size = table.size();
            try (CloseableRowIterator it = table.iterator()) {
                for (long r = 0; it.hasNext(); r++) {
                    final DataRow row = it.next();
                    final DataCell[] newCells = new DataCell[newSpecs.size()];
                    for (final Map.Entry<CellFactory, List<int[]>> e : factories.entrySet()) {
                        final DataCell[] fromFac = e.getKey().getCells(row, r);
                        if (fromFac.length < e.getValue().size()) {
                            throw new IndexOutOfBoundsException(String.format(
                                "New cells array length conflict: expected %d, actual %d (class %s)",
                                e.getValue().size(), fromFac.length, e.getKey().getClass().getName()));
                        }
                        for (final int[] pair : e.getValue()) {
                            newCells[pair[0]] = fromFac[pair[1]];
                        }
                    }
                    container.addRowToTable(new DefaultRow(row.getKey(), newCells));
                    forProgress.setProgress(r + 1, size, row.getKey(), exec);
                    exec.checkCanceled();
                }
            } finally {
                for (final CellFactory f : factories.keySet()) {
                    if (f instanceof AbstractCellFactory) {
                        ((AbstractCellFactory) f).afterProcessing();
                    }
                }
            }
            container.close();
            final BufferedDataTable appended = container.getTable();
            try (CloseableRowIterator refs = table.iterator(); CloseableRowIterator news = appended.iterator()) {
                while (refs.hasNext()) {
                    rows.add(new RearrangedRow(refs.next(), news.next(), isFromReference, index));
                }
            }
            // KNIME's create: the new columns' specs as the container made them, with their domains
            final DataColumnSpec[] columns = new DataColumnSpec[index.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = isFromReference[i] ? m_originalSpec.getColumnSpec(index[i])
                    : appended.getDataTableSpec().getColumnSpec(index[i]);
            }
            return StandinInternals.construct(BufferedDataTable.class, new Class<?>[] {DataTableSpec.class, List.class},
                new DataTableSpec(columns), rows);
        }
        return StandinInternals.construct(BufferedDataTable.class, new Class<?>[] {DataTableSpec.class, List.class},
            createSpec(), rows);
    }
}
