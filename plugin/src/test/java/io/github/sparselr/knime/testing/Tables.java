package io.github.sparselr.knime.testing;

import io.github.sparselr.knime.standin.HeadlessNode;
import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataTable;

/** Small tables for node tests. */
public final class Tables {

    private Tables() {
    }

    /** A table of the given spec; each row is its cells, keyed Row0, Row1, … */
    public static BufferedDataTable of(final DataTableSpec spec, final DataCell[]... rows) {
        final List<DataRow> list = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            list.add(new DefaultRow("Row" + i, rows[i]));
        }
        return HeadlessNode.table(spec, list);
    }

    /** The doubles of one column, in row order. */
    public static double[] column(final BufferedDataTable table, final String name) {
        final int index = table.getDataTableSpec().findColumnIndex(name);
        final List<Double> values = new ArrayList<>();
        for (final DataRow row : table) {
            values.add(((DoubleValue) row.getCell(index)).getDoubleValue());
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
