package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

/**
 * Stand-in for KNIME 5.1's {@code DataContainer}: collects rows that must match the spec (cell count,
 * cell types, unique row keys) and, on {@link #close()}, computes the column domains as KNIME does
 * (up to 60 possible values for nominal columns, bounds for numeric ones).
 */
public class DataContainer {

    private static final int MAX_POSSIBLE_VALUES = 60;

    private final DataTableSpec m_spec;

    private final boolean m_initDomain;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<RowKey> m_keys = new HashSet<>();

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
        if (!m_keys.add(row.getKey())) {
            throw new IllegalArgumentException("Encountered duplicate row ID \"" + row.getKey() + "\"");
        }
        m_rows.add(row);
    }

    public void close() {
        if (m_finalSpec == null) {
            m_finalSpec = specWithDomains();
        }
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
                    if (!cell.isMissing()) {
                        values.add(cell);
                    }
                    if (values.size() > MAX_POSSIBLE_VALUES) {
                        values = null;
                        break;
                    }
                }
                domain.setValues(values);
            }
            if (in.getType().isCompatible(DoubleValue.class)) {
                DataCell lower = null;
                DataCell upper = null;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (final DataRow row : m_rows) {
                    final DataCell cell = row.getCell(c);
                    if (cell.isMissing()) {
                        continue;
                    }
                    final double v = ((DoubleValue) cell).getDoubleValue();
                    if (v < min || lower == null) {
                        min = v;
                        lower = cell;
                    }
                    if (v > max || upper == null) {
                        max = v;
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
