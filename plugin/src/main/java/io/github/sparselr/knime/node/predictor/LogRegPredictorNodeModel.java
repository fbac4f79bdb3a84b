package io.github.sparselr.knime.node.predictor;

import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.knime.table.NumericMatrix;
import io.github.sparselr.linear.LogisticModel;
import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import io.github.sparselr.knime.node.SparselrNodeModel;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Appends a logistic model's predicted class (and, optionally, class probabilities) to a table. */
final class LogRegPredictorNodeModel extends SparselrNodeModel {

    private final LogRegPredictorSettings m_settings;

    LogRegPredictorNodeModel() {
        this(new LogRegPredictorSettings());
    }

    private LogRegPredictorNodeModel(final LogRegPredictorSettings settings) {
        super(new PortType[] {LogisticModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[] {BufferedDataTable.TYPE}, settings.group());
        m_settings = settings;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec modelSpec = (DataTableSpec) inSpecs[0];
        final DataTableSpec tableSpec = (DataTableSpec) inSpecs[1];
        NumericMatrix.checkColumns(tableSpec, LogisticModelPortObject.featuresOf(modelSpec), "a feature of the model");
        final String target = modelSpec.getColumnSpec(modelSpec.getNumColumns() - 1).getName();
        return new PortObjectSpec[] {outputSpec(tableSpec, target, LogisticModelPortObject.classesOf(modelSpec))};
    }

    private DataTableSpec outputSpec(final DataTableSpec in, final String target, final List<String> classes) {
        final List<DataColumnSpec> appended = new ArrayList<>();
        DataTableSpec names = in;
        final String prediction = DataTableSpec.getUniqueColumnName(names, m_settings.predictionColumnName(target));
        appended.add(LogisticModelPortObject.nominalColumn(prediction, classes));
        names = new DataTableSpec(names, new DataTableSpec(appended.get(0)));
        if (m_settings.appendProbabilities().getBooleanValue()) {
            for (final String c : classes) {
                // named as KNIME's own predictors name them
                final String name = DataTableSpec.getUniqueColumnName(names, "P (" + target + "=" + c + ")");
                final DataColumnSpec column = new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec();
                appended.add(column);
                names = new DataTableSpec(names, new DataTableSpec(column));
            }
        }
        return new DataTableSpec(in, new DataTableSpec(appended.toArray(new DataColumnSpec[0])));
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final LogisticModelPortObject port = (LogisticModelPortObject) inObjects[0];
        final BufferedDataTable table = (BufferedDataTable) inObjects[1];
        final LogisticModel model = port.model();
        final NumericMatrix x = NumericMatrix.read(table, model.featureNames(), exec.createSubProgress(0.4));
        final boolean probabilities = m_settings.appendProbabilities().getBooleanValue();
        final String[] predicted;
        final double[] proba;
        if (probabilities) {
            final LogisticModel.Predictions both = model.predictWithProbabilities(x.values(), x.rows());
            predicted = both.classes();
            proba = both.probabilities();
        } else {
            predicted = model.predict(x.values(), x.rows());
            proba = null;
        }
        final int k = model.classes().size();
        final BufferedDataContainer out = exec.createDataContainer(
            outputSpec(table.getDataTableSpec(), port.targetColumn(), model.classes()));
        final StringCell[] classCells = model.classes().stream().map(StringCell::new).toArray(StringCell[]::new);
        int row = 0;
        // closed when a cancel stops the loop early (KNIME's CloseableRowIterator)
        try (CloseableRowIterator rows = table.iterator()) {
            while (rows.hasNext()) {
                final DataRow r = rows.next();
                if (row % 1024 == 0) {
                    exec.checkCanceled();
                    exec.setProgress(0.4 + 0.6 * row / Math.max(1, x.rows()));
                }
                final DataCell[] cells = new DataCell[r.getNumCells() + 1 + (probabilities ? k : 0)];
                for (int i = 0; i < r.getNumCells(); i++) {
                    cells[i] = r.getCell(i);
                }
                cells[r.getNumCells()] = classCells[model.classes().indexOf(predicted[row])];
                if (probabilities) {
                    for (int c = 0; c < k; c++) {
                        cells[r.getNumCells() + 1 + c] = new DoubleCell(proba[row * k + c]);
                    }
                }
                out.addRowToTable(new DefaultRow(r.getKey(), cells));
                row++;
            }
        }
        out.close();
        return new PortObject[] {out.getTable()};
    }


}
