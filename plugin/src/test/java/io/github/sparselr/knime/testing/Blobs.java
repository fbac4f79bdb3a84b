package io.github.sparselr.knime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;

/** Three noisy, separable classes in four features (f4 is noise): small data for the model nodes. */
public final class Blobs {

    public static final DataTableSpec SPEC = new DataTableSpec(new String[] {"f1", "f2", "f3", "f4", "class"},
        new DataType[] {DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, StringCell.TYPE});

    private Blobs() {
    }

    /** {@code perClass} rows of each of the classes "a", "b", "c". */
    public static BufferedDataTable table(final int perClass, final long seed) {
        final Random random = new Random(seed);
        final double[][] centers = {{-2, 0, 1}, {2, 0, -1}, {0, 2.5, 0}};
        final String[] names = {"a", "b", "c"};
        final List<DataCell[]> rows = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < 3; c++) {
                rows.add(new DataCell[] {new DoubleCell(centers[c][0] + random.nextGaussian()),
                    new DoubleCell(centers[c][1] + random.nextGaussian()), new DoubleCell(centers[c][2] + random.nextGaussian()),
                    new DoubleCell(random.nextGaussian()), new StringCell(names[c])});
            }
        }
        return Tables.of(SPEC, rows.toArray(new DataCell[0][]));
    }
}
