package org.knime.core.data.container;

import io.github.sparselr.knime.standin.CompactRows;
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
import org.knime.core.data.def.DoubleCell;
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

    /** Stores the double columns' values unboxed (the stand-in's layout, not KNIME's API). */
    private final CompactRows m_layout;

    /** For each column, the class of the last cell that passed the type check (null before one did). */
    private final Class<?>[] m_compliantCellClass;

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
        m_layout = new CompactRows(spec);
        m_compliantCellClass = new Class<?>[spec.getNumColumns()];
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
            if (cell.getClass() == m_compliantCellClass[i]) {
                continue; // the check depends on the cell's class only; this one passed it before
            }
            final DataColumnSpec column = m_spec.getColumnSpec(i);
            if (!cell.isMissing() && !column.getType().isASuperTypeOf(cell.getType())) {
                throw new IllegalArgumentException("Runtime class of object \"" + cell + "\" (index " + i
                    + ") in row \"" + row.getKey() + "\" is " + cell.getType() + " and does not comply with its "
                    + "supposed superclass " + column.getType());
            }
            if (!cell.isMissing()) {
                m_compliantCellClass[i] = cell.getClass();
            }
        }
        // duplicate keys are found when the container closes, as in KNIME 5.1, whose
        // BufferedDataContainerDelegate checks keys on a writer thread and reports them on close()
        m_rows.add(m_layout.store(row));
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

    private DataTableSpec specWithDomains() {
        final DataColumnSpec[] columns = new DataColumnSpec[m_spec.getNumColumns()];
        final Bounds bounds = new Bounds();
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
                domain.setLowerBound(bounds.lower(c));
                domain.setUpperBound(bounds.upper(c));
            }
            final DataColumnSpecCreator creator = new DataColumnSpecCreator(in);
            creator.setDomain(domain.createDomain());
            columns[c] = creator.createSpec();
        }
        return new DataTableSpec(m_spec.getName(), columns);
    }

    /**
     * The bounds of every {@link BoundedValue} column, found in one pass over the rows (a stored row's
     * doubles lie side by side), as KNIME's {@code DataTableDomainCreator}: with initDomain the spec's
     * bounds are the start and rows extend them; NaN and missing cells are skipped; of equal values the
     * first one found is the bound.
     */
    private final class Bounds {

        private final DataCell[] m_lower;

        private final DataCell[] m_upper;

        /** The values of the bounds; a bound found in a stored row's doubles has no cell yet (made at the end). */
        private final double[] m_lowerValue;

        private final double[] m_upperValue;

        private final boolean[] m_hasLower;

        private final boolean[] m_hasUpper;

        Bounds() {
            final int n = m_spec.getNumColumns();
            m_lower = new DataCell[n];
            m_upper = new DataCell[n];
            m_lowerValue = new double[n];
            m_upperValue = new double[n];
            m_hasLower = new boolean[n];
            m_hasUpper = new boolean[n];
            final List<Integer> bounded = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                final DataColumnSpec in = m_spec.getColumnSpec(c);
                if (!in.getType().isCompatible(BoundedValue.class)) {
                    continue;
                }
                bounded.add(c);
                if (m_initDomain) {
                    start(c, in.getDomain().getLowerBound(), in.getDomain().getUpperBound());
                }
            }
            final int[] columns = bounded.stream().mapToInt(Integer::intValue).toArray();
            final int[] slots = new int[columns.length];
            for (int j = 0; j < columns.length; j++) {
                slots[j] = m_layout.doubleSlot(columns[j]);
            }
            for (final DataRow row : m_rows) {
                final double[] doubles = m_layout.doublesOf(row);
                for (int j = 0; j < columns.length; j++) {
                    if (doubles != null && slots[j] >= 0) {
                        add(columns[j], doubles[slots[j]], null);
                    } else {
                        final DataCell cell = row.getCell(columns[j]);
                        if (!cell.isMissing()) {
                            add(columns[j], ((DoubleValue) cell).getDoubleValue(), cell);
                        }
                    }
                }
            }
        }

        private void start(final int c, final DataCell lower, final DataCell upper) {
            if (lower != null) {
                m_lower[c] = lower;
                m_lowerValue[c] = ((DoubleValue) lower).getDoubleValue();
                m_hasLower[c] = true;
            }
            if (upper != null) {
                m_upper[c] = upper;
                m_upperValue[c] = ((DoubleValue) upper).getDoubleValue();
                m_hasUpper[c] = true;
            }
        }

        /** Takes a value of column c into its bounds; {@code cell} is its cell, or null for a stored double. */
        private void add(final int c, final double value, final DataCell cell) {
            if (Double.isNaN(value)) {
                return;
            }
            if (!m_hasLower[c] || Double.compare(value, m_lowerValue[c]) < 0) {
                m_lower[c] = cell;
                m_lowerValue[c] = value;
                m_hasLower[c] = true;
            }
            if (!m_hasUpper[c] || Double.compare(value, m_upperValue[c]) > 0) {
                m_upper[c] = cell;
                m_upperValue[c] = value;
                m_hasUpper[c] = true;
            }
        }

        DataCell lower(final int c) {
            return !m_hasLower[c] ? null : m_lower[c] != null ? m_lower[c] : new DoubleCell(m_lowerValue[c]);
        }

        DataCell upper(final int c) {
            return !m_hasUpper[c] ? null : m_upper[c] != null ? m_upper[c] : new DoubleCell(m_upperValue[c]);
        }
    }
}
