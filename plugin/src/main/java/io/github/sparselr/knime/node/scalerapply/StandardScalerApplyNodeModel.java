package io.github.sparselr.knime.node.scalerapply;

import io.github.sparselr.knime.node.scaler.ScaledTables;
import io.github.sparselr.knime.port.ScalerModelPortObject;
import io.github.sparselr.knime.table.NumericMatrix;
import java.util.Arrays;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import io.github.sparselr.knime.node.NodeSettingsGroup;
import io.github.sparselr.knime.node.SparselrNodeModel;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Applies a fitted Standard Scaler to the model's columns of a table (e.g. the test set). */
final class StandardScalerApplyNodeModel extends SparselrNodeModel {

    StandardScalerApplyNodeModel() {
        super(new PortType[] {ScalerModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE}, new NodeSettingsGroup());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec modelSpec = (DataTableSpec) inSpecs[0];
        final DataTableSpec tableSpec = (DataTableSpec) inSpecs[1];
        final java.util.List<String> columns = Arrays.asList(modelSpec.getColumnNames());
        NumericMatrix.checkColumns(tableSpec, columns, "scaled by the model");
        return new PortObjectSpec[] {ScaledTables.outputSpec(tableSpec, columns)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final ScalerModelPortObject model = (ScalerModelPortObject) inObjects[0];
        final BufferedDataTable table = (BufferedDataTable) inObjects[1];
        NumericMatrix.checkColumns(table.getDataTableSpec(), model.model().columnNames(), "scaled by the model");
        return new PortObject[] {ScaledTables.transform(table, model.model(), exec)};
    }


}
