package org.knime.core.data;

/** Stand-in for KNIME 5.1's {@code DataRow}. */
public interface DataRow extends Iterable<DataCell> {

    int getNumCells();

    RowKey getKey();

    DataCell getCell(final int index);
}
