package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code DataTable}. */
public interface DataTable extends Iterable<DataRow> {

    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
