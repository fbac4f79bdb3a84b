package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.NominalValue;
import org.knime.core.data.RowIterator;
import org.knime.core.data.RowKey;
import org.knime.core.util.DuplicateKeyException;

/**
 * Stand-in for KNIME 5.1's {@code DataContainer}: collects rows that must match the spec (cell count,
 * cell types) and, on {@link #close()}, checks that row keys are unique and computes the column domains
 * as KNIME's {@code DataTableDomainCreator} does (up to 60 possible values for nominal columns, bounds
 * for {@link BoundedValue} ones).
 */
public class DataContainer {

    private static final int MAX_POSSIBLE_VALUES = 60;

    private final DataTableSpec m_spec;

    private final boolean m_initDomain;

    private final List<DataRow> m_rows = new ArrayList<>();

    private DataTableSpec m_finalSpec;

    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        if (spec == null) {
            throw new NullPointerException("Spec must not be null!");
        }
        m_spec = spec;
        m_initDomain = initDomain;
    }

    public void addRowToTable(final DataRow row) {
        if (m_finalSpec != null) {
            throw new IllegalStateException("Cannot add row: container has been closed.");
        }
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Cell count in row \"" + row.getKey()
                + "\" is not equal to length of column names array: " + row.getNumCells() + " vs. "
                + m_spec.getNumColumns());
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            final DataCell cell = row.getCell(i);
            final DataColumnSpec column = m_spec.getColumnSpec(i);
            if (!cell.isMissing() && !column.getType().isASuperTypeOf(cell.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + cell + "\" (index " + i
                    + ") in row \"" + row.getKey() + "\" is " + cell.getType() + " and does not comply with its "
                    + "supposed superclass " + column.getType());
            }
        }
        // duplicate keys are found when the container closes, as in KNIME 5.1, whose
        // BufferedDataContainerDelegate checks keys on a writer thread and reports them on close()
        m_rows.add(row);
    }

    /**
     * Closes the container: computes the domains, then fails on a row key the table holds twice with
     * KNIME's {@link DuplicateKeyException} (KNIME's {@code BufferedDataContainerDelegate#close}).
     */
    public void close() {
        if (m_finalSpec != null) {
            return;
        }
        final Set<RowKey> keys = new HashSet<>();
        for (final DataRow row : m_rows) {
            if (!keys.add(row.getKey())) {
                throw new DuplicateKeyException("Encountered duplicate row ID \"" + row.getKey() + "\"",
                    row.getKey().getString());
            }
        }
        m_finalSpec = specWithDomains();
    }

    public DataTable getTable() {
        if (m_finalSpec == null) {
            throw new IllegalStateException("Cannot get table: container is not closed.");
        }
        final DataTableSpec spec = m_finalSpec;
        final List<DataRow> rows = Collections.unmodifiableList(m_rows);
        return new DataTable() {
            @Override
            public DataTableSpec getDataTableSpec() {
                return spec;
            }

            @Override
            public RowIterator iterator() {
                final java.util.Iterator<DataRow> it = rows.iterator();
                return new RowIterator() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public DataRow next() {
                        return it.next();
                    }
                };
            }
        };
    }

    public long size() {
        return m_rows.size();
    }

    public boolean isClosed() {
        return m_finalSpec != null;
    }

    public boolean isOpen() {
        return m_finalSpec == null;
    }

    public DataTableSpec getTableSpec() {
        return m_finalSpec != null ? m_finalSpec : m_spec;
    }

    /** The order of two cells of a bounded column (the stand-in's bounded cells are all DoubleValues). */
    private static int compare(final DataCell a, final DataCell b) {
        return Double.compare(((DoubleValue) a).getDoubleValue(), ((DoubleValue) b).getDoubleValue());
    }

    private DataTableSpec specWithDomains() {
        final DataColumnSpec[] columns = new DataColumnSpec[m_spec.getNumColumns()];
        for (int c = 0; c < columns.length; c++) {
            final DataColumnSpec in = m_spec.getColumnSpec(c);
            final DataColumnDomainCreator domain = m_initDomain
                ? new DataColumnDomainCreator(in.getDomain()) : new DataColumnDomainCreator();
            if (in.getType().isCompatible(NominalValue.class)) {
                Set<DataCell> values = new LinkedHashSet<>();
                if (m_initDomain && in.getDomain().hasValues()) {
                    values.addAll(in.getDomain().getValues());
                }
                for (final DataRow row : m_rows) {
                    final DataCell cell = row.getCell(c);
                    // as KNIME's DataTableDomainCreator#updateMinMax: the limit is checked when a value is new
                    if (!cell.isMissing() && values.add(cell) && values.size() > MAX_POSSIBLE_VALUES) {
                        values = null;
                        break;
                    }
                }
                domain.setValues(values);
            }
            if (in.getType().isCompatible(BoundedValue.class)) {
                // KNIME's DataTableDomainCreator: bounds for every BoundedValue column; with initDomain the
                // spec's bounds are the start and rows extend them; NaN and missing cells are skipped
                DataCell lower = m_initDomain ? in.getDomain().getLowerBound() : null;
                DataCell upper = m_initDomain ? in.getDomain().getUpperBound() : null;
                for (final DataRow row : m_rows) {
                    final DataCell cell = row.getCell(c);
                    if (cell.isMissing() || cell instanceof DoubleValue && Double.isNaN(((DoubleValue) cell)
                        .getDoubleValue())) {
                        continue;
                    }
                    if (lower == null || compare(cell, lower) < 0) {
                        lower = cell;
                    }
                    if (upper == null || compare(cell, upper) > 0) {
                        upper = cell;
                    }
                }
                domain.setLowerBound(lower);
                domain.setUpperBound(upper);
            }
            final DataColumnSpecCreator creator = new DataColumnSpecCreator(in);
            creator.setDomain(domain.createDomain());
            columns[c] = creator.createSpec();
        }
        return new DataTableSpec(m_spec.getName(), columns);
    }
}
