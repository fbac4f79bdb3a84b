package org.knime.core.node;

import io.github.sparselr.knime.standin.StandinInternals;
import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** Stand-in for KNIME 5.1's {@code BufferedDataContainer}; made by {@link ExecutionContext}. */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_table;

    private BufferedDataContainer(final DataTableSpec spec, final boolean initDomain) {
        super(spec, initDomain);
    }

    @Override
    public BufferedDataTable getTable() {
        if (m_table == null) {
            final DataTable table = super.getTable();
            final List<DataRow> rows = new ArrayList<>();
            table.forEach(rows::add);
            m_table = StandinInternals.construct(BufferedDataTable.class,
                new Class<?>[] {DataTableSpec.class, List.class}, table.getDataTableSpec(), rows);
        }
        return m_table;
    }
}
