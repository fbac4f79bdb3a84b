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
import org.knime.core.data.RowKey;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
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

    /** The appended columns: the prediction, with the classes as domain, then optionally the probabilities. */
    private DataColumnSpec[] appendedColumns(final DataTableSpec in, final String target, final List<String> classes) {
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
        return appended.toArray(new DataColumnSpec[0]);
    }

    private DataTableSpec outputSpec(final DataTableSpec in, final String target, final List<String> classes) {
        final ColumnRearranger rearranger = new ColumnRearranger(in);
        rearranger.append(new PredictionCells(appendedColumns(in, target, classes), null, null, null, 0));
        return rearranger.createSpec();
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
        exec.setProgress(0.4);
        final int k = model.classes().size();
        final StringCell[] classCells = model.classes().stream().map(StringCell::new).toArray(StringCell[]::new);
        final int[] predictedIndex = new int[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            predictedIndex[i] = model.classes().indexOf(predicted[i]);
        }
        // appends the new columns to the input's, which are not copied, as KNIME's own predictors do (e.g.
        // org.knime.base.node.mine.regression.predict3.RegressionPredictorNodeModel#execute)
        final ColumnRearranger rearranger = new ColumnRearranger(table.getDataTableSpec());
        rearranger.append(new PredictionCells(appendedColumns(table.getDataTableSpec(), port.targetColumn(),
            model.classes()), classCells, predictedIndex, proba, k));
        return new PortObject[] {exec.createColumnRearrangeTable(table, rearranger, exec.createSubProgress(0.6))};
    }

    /** Row {@code rowIndex}'s predicted class and, if asked for, its class probabilities. */
    private static final class PredictionCells extends AbstractCellFactory {

        private static final int ROWS_BETWEEN_PROGRESS = 1024;

        private final StringCell[] m_classCells;

        private final int[] m_predictedIndex;

        private final double[] m_probabilities;

        private final int m_classCount;

        /** {@code probabilities} is null when not appended; all but the specs are null at configure time. */
        PredictionCells(final DataColumnSpec[] specs, final StringCell[] classCells, final int[] predictedIndex,
            final double[] probabilities, final int classCount) {
            super(specs);
            m_classCells = classCells;
            m_predictedIndex = predictedIndex;
            m_probabilities = probabilities;
            m_classCount = classCount;
        }

        @Override
        public DataCell[] getCells(final DataRow row, final long rowIndex) {
            final int r = Math.toIntExact(rowIndex);
            final DataCell[] cells = new DataCell[1 + (m_probabilities == null ? 0 : m_classCount)];
            cells[0] = m_classCells[m_predictedIndex[r]];
            for (int c = 1; c < cells.length; c++) {
                cells[c] = new DoubleCell(m_probabilities[r * m_classCount + c - 1]);
            }
            return cells;
        }

        @Override
        public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
            final ExecutionMonitor exec) {
            if (curRowNr % ROWS_BETWEEN_PROGRESS == 1 || curRowNr == rowCount) {
                exec.setProgress((double) curRowNr / rowCount);
            }
        }
    }


}
