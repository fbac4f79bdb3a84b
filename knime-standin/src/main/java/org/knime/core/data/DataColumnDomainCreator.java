package org.knime.core.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Stand-in for KNIME 5.1's {@code DataColumnDomainCreator}. */
public class DataColumnDomainCreator {

    private Set<DataCell> m_values;

    private DataCell m_lower;

    private DataCell m_upper;

    public DataColumnDomainCreator(final DataColumnDomain copyFrom) {
        setValues(copyFrom.getValues());
        m_lower = copyFrom.getLowerBound();
        m_upper = copyFrom.getUpperBound();
    }

    public DataColumnDomainCreator() {
    }

    public DataColumnDomainCreator(final Set<? extends DataCell> values) {
        setValues(values);
    }

    public DataColumnDomainCreator(final DataCell[] values) {
        setValues(values == null ? null : new LinkedHashSet<>(Arrays.asList(values)));
    }

    public DataColumnDomainCreator(final DataCell lowerBound, final DataCell upperBound) {
        m_lower = lowerBound;
        m_upper = upperBound;
    }

    public DataColumnDomain createDomain() {
        return io.github.sparselr.knime.standin.StandinInternals.construct(DataColumnDomain.class,
            new Class<?>[] {java.util.Set.class, DataCell.class, DataCell.class}, m_values, m_lower, m_upper);
    }

    public void setValues(final Set<? extends DataCell> values) {
        m_values = values == null ? null : new LinkedHashSet<>(values);
    }

    public void setLowerBound(final DataCell lower) {
        m_lower = lower;
    }

    public void setUpperBound(final DataCell upper) {
        m_upper = upper;
    }
}
