package io.github.sparselr.knime.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/** The stand-in's in-memory tables, which store doubles unboxed, give back exactly the cells they were given. */
class TableStorageTest {

    private static final DataTableSpec SPEC = new DataTableSpec(new String[] {"a", "label", "b"},
        new DataType[] {DoubleCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});

    private static BufferedDataTable threeRows() {
        return HeadlessNode.table(SPEC, List.of(
            new DefaultRow("r0", new DoubleCell(1.5), new StringCell("x"), new DoubleCell(-0.0)),
            new DefaultRow("r1", new DoubleCell(Double.NaN), new StringCell("y"), new DoubleCell(Double.MIN_VALUE)),
            new DefaultRow("r2", new DoubleCell(-7), new StringCell("x"), new DoubleCell(1e300))));
    }

    private static List<DataRow> rows(final BufferedDataTable table) {
        final List<DataRow> rows = new ArrayList<>();
        table.forEach(rows::add);
        return rows;
    }

    @Test
    void aTableGivesBackEqualCellsForEveryDoubleIncludingNanAndNegativeZero() {
        final List<DataRow> rows = rows(threeRows());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getCell(2)).isEqualTo(new DoubleCell(-0.0)).isNotEqualTo(new DoubleCell(0.0));
        assertThat(rows.get(1).getCell(0)).isEqualTo(new DoubleCell(Double.NaN));
        assertThat(rows.get(1).getCell(2)).isEqualTo(new DoubleCell(Double.MIN_VALUE));
        assertThat(rows.get(2)).isEqualTo(
            new DefaultRow("r2", new DoubleCell(-7), new StringCell("x"), new DoubleCell(1e300)));
        assertThat(rows.get(2).toString()).isEqualTo("r2: [-7.0, x, 1.0E300]");
    }

    @Test
    void aMissingCellInADoubleColumnStaysMissing() {
        final BufferedDataTable table = HeadlessNode.table(SPEC, List.of(
            new DefaultRow("r0", DataType.getMissingCell(), new StringCell("x"), new DoubleCell(1))));
        final DataRow row = rows(table).get(0);
        assertThat(row.getCell(0).isMissing()).isTrue();
        assertThat(row.getCell(2)).isEqualTo(new DoubleCell(1));
    }

    @Test
    void theDomainOfADoubleColumnIsBoundedByItsValuesSkippingNanAsKnimeDoes() {
        final BufferedDataTable table = threeRows();
        // column a: 1.5, NaN, -7; column b: -0.0, MIN_VALUE, 1e300 (Double.compare orders -0.0 below 0.0)
        assertThat(table.getDataTableSpec().getColumnSpec(0).getDomain().getLowerBound()).isEqualTo(new DoubleCell(-7));
        assertThat(table.getDataTableSpec().getColumnSpec(0).getDomain().getUpperBound()).isEqualTo(new DoubleCell(1.5));
        assertThat(table.getDataTableSpec().getColumnSpec(2).getDomain().getLowerBound()).isEqualTo(new DoubleCell(-0.0));
        assertThat(table.getDataTableSpec().getColumnSpec(2).getDomain().getUpperBound()).isEqualTo(new DoubleCell(1e300));
        assertThat(table.getDataTableSpec().getColumnSpec(1).getDomain().getValues())
            .containsExactly(new StringCell("x"), new StringCell("y"));
    }
}
