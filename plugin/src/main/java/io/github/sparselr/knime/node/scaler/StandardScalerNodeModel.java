package io.github.sparselr.knime.node.scaler;

import io.github.sparselr.knime.port.ScalerModelPortObject;
import io.github.sparselr.knime.table.NumericMatrix;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import java.util.Arrays;
import java.util.List;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import io.github.sparselr.knime.node.SparselrNodeModel;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Fits a Standard Scaler on the selected numeric columns and outputs the scaled table and the model.
 * A thin adapter: the statistics are the engine's {@link StandardScaler}.
 */
final class StandardScalerNodeModel extends SparselrNodeModel {

    private final StandardScalerSettings m_settings;

    StandardScalerNodeModel() {
        this(new StandardScalerSettings());
    }

    private StandardScalerNodeModel(final StandardScalerSettings settings) {
        super(new PortType[] {BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE, ScalerModelPortObject.TYPE}, settings.group());
        m_settings = settings;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec spec = (DataTableSpec) inSpecs[0];
        final List<String> columns = selectedColumns(spec);
        return new PortObjectSpec[] {ScaledTables.outputSpec(spec, columns), ScalerModelPortObject.specOf(columns)};
    }

    private List<String> selectedColumns(final DataTableSpec spec) throws InvalidSettingsException {
        final FilterResult filter = m_settings.columns().applyTo(spec);
        for (final String gone : filter.getRemovedFromIncludes()) {
            final DataColumnSpec column = spec.getColumnSpec(gone);
            if (column == null) {
                throw new InvalidSettingsException("Column '" + gone + "' is selected for scaling but the input table "
                    + "has no such column; reconfigure the node or restore the column.");
            }
            throw new InvalidSettingsException("Column '" + gone + "' is selected for scaling but holds "
                + column.getType() + " values, not numbers; exclude it or convert it to a number column.");
        }
        final List<String> columns = Arrays.asList(filter.getIncludes());
        if (columns.isEmpty()) {
            throw new InvalidSettingsException("No numeric column is selected for scaling; the input needs at least "
                + "one number column, and the node's column filter must include it.");
        }
        NumericMatrix.checkColumns(spec, columns, "selected for scaling");
        return columns;
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable table = (BufferedDataTable) inObjects[0];
        final List<String> columns = selectedColumns(table.getDataTableSpec());
        final NumericMatrix matrix = NumericMatrix.read(table, columns, exec.createSubProgress(0.4));
        final ScalerModel model;
        try {
            model = new StandardScaler(m_settings.withMean().getBooleanValue(), m_settings.withStd().getBooleanValue())
                .fit(matrix.values(), matrix.rows(), columns);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        exec.checkCanceled();
        model.transformInPlace(matrix.values(), matrix.rows());
        final BufferedDataTable scaled = ScaledTables.write(table, matrix, exec.createSubExecutionContext(0.6));
        return new PortObject[] {scaled, new ScalerModelPortObject(model)};
    }


}
