package io.github.sparselr.knime.node.openmlreader;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.io.DatasetLayout;
import io.github.sparselr.io.LocalDatasets;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.openml.DownloadListener;
import io.github.sparselr.openml.OpenMlClient;
import io.github.sparselr.openml.OpenMlConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import io.github.sparselr.knime.node.SparselrNodeModel;
import org.knime.core.node.NodeModel;

/**
 * Reads a dataset from OpenML or a local file and splits it as the MNIST study does. A thin adapter
 * over the engine's {@link OpenMlClient}, {@link LocalDatasets} and {@link TrainTestSplit}.
 */
final class OpenMlReaderNodeModel extends SparselrNodeModel {

    private final OpenMlReaderSettings m_settings;

    OpenMlReaderNodeModel() {
        this(new OpenMlReaderSettings());
    }

    private OpenMlReaderNodeModel(final OpenMlReaderSettings settings) {
        super(0, 2, settings.group());
        m_settings = settings;
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DatasetLayout layout = layout();
        if (layout == null || layout.classes().isEmpty()) {
            return new DataTableSpec[] {null, null}; // known once the data is read
        }
        final DataTableSpec spec = spec(layout.features(), layout.target(), layout.classes());
        return new DataTableSpec[] {spec, spec};
    }

    private DatasetLayout layout() throws InvalidSettingsException {
        if (m_settings.isLocal()) {
            try {
                return LocalDatasets.layout(localPath(), m_settings.target().getStringValue());
            } catch (IOException e) {
                throw new InvalidSettingsException("Cannot read '" + localPath() + "': " + e.getMessage(), e);
            }
        }
        checkOpenMlSettings();
        return client().cachedLayout(m_settings.id().getIntValue(), m_settings.name().getStringValue(),
            m_settings.version().getIntValue(), m_settings.target().getStringValue());
    }

    private Path localPath() throws InvalidSettingsException {
        final String path = m_settings.localPath().getStringValue();
        if (path == null || path.isBlank()) {
            throw new InvalidSettingsException("No local file is set; choose an ARFF, CSV or IDX file or folder, or "
                + "switch the source to OpenML.");
        }
        return Path.of(path);
    }

    private void checkOpenMlSettings() throws InvalidSettingsException {
        if (m_settings.id().getIntValue() <= 0 && m_settings.name().getStringValue().isBlank()) {
            throw new InvalidSettingsException("Give an OpenML dataset name (e.g. mnist_784) or id.");
        }
        try {
            URI.create(m_settings.server().getStringValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The OpenML server URL is not a URL: " + e.getMessage(), e);
        }
    }

    private OpenMlClient client() throws InvalidSettingsException {
        String server = m_settings.server().getStringValue();
        server = server.endsWith("/") ? server : server + "/";
        try {
            return new OpenMlClient(OpenMlConfig.defaults(m_settings.cacheRoot()).withServer(URI.create(server)));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** Features as double columns, then the target as a string column with the classes as its domain. */
    static DataTableSpec spec(final List<String> features, final String target, final List<String> classes) {
        final List<DataColumnSpec> columns = new ArrayList<>(features.size() + 1);
        for (final String f : features) {
            columns.add(new DataColumnSpecCreator(f, DoubleCell.TYPE).createSpec());
        }
        columns.add(LogisticModelPortObject.nominalColumn(target, classes));
        return new DataTableSpec("Dataset", columns.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final DenseDataset data;
        final String target;
        final ExecutionMonitor reading = exec.createSubProgress(0.6);
        try {
            if (m_settings.isLocal()) {
                final Path path = localPath();
                data = LocalDatasets.read(path, m_settings.target().getStringValue(),
                    m_settings.csvHeader().getBooleanValue(), m_settings.csvCharset(), () -> cancelled(reading));
                target = LocalDatasets.targetName(path, m_settings.target().getStringValue());
            } else {
                checkOpenMlSettings();
                final OpenMlClient client = client();
                final int id = m_settings.id().getIntValue() > 0 ? m_settings.id().getIntValue()
                    : client.resolve(m_settings.name().getStringValue(), m_settings.version().getIntValue());
                final String configured = m_settings.target().getStringValue();
                final io.github.sparselr.openml.DatasetDescription description = client.description(id);
                final String chosen = configured.isBlank() ? description.defaultTarget() : configured;
                data = client.load(description, chosen, new DownloadListener() {
                    @Override
                    public void progress(final long done, final long total) {
                        reading.setProgress(total > 0 ? Math.min(1.0, (double) done / total) : 0.0,
                            String.format("downloading: %.1f MB", done / 1e6));
                    }

                    @Override
                    public boolean cancelRequested() {
                        return cancelled(reading);
                    }
                });
                target = chosen == null ? "class" : chosen;
            }
        } catch (CancellationException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
        final TrainTestSplit split;
        try {
            split = TrainTestSplit.of(data, m_settings.shuffleSeed().getIntValue(), m_settings.splitSeed().getIntValue(),
                m_settings.trainRows().getIntValue(), m_settings.testRows().getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + " (the dataset has " + data.rows() + " rows)", e);
        }
        final List<String> classes = new ArrayList<>(new TreeSet<>(List.of(data.labels())));
        final DataTableSpec spec = spec(data.columnNames(), target, classes);
        return new BufferedDataTable[] {
            table(split.train(), split.trainIndex(), spec, exec.createSubExecutionContext(0.2)),
            table(split.test(), split.testIndex(), spec, exec.createSubExecutionContext(0.2))};
    }

    private static boolean cancelled(final ExecutionMonitor exec) {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /** Rows keyed "Row" + their number in the source, so any row can be traced back. */
    private static BufferedDataTable table(final DenseDataset data, final int[] original, final DataTableSpec spec,
        final ExecutionContext exec) throws CanceledExecutionException {
        final BufferedDataContainer out = exec.createDataContainer(spec);
        final int cols = data.cols();
        final double[] v = data.values();
        // one cell per class, shared by its rows
        final java.util.Map<String, StringCell> cells = new java.util.HashMap<>();
        for (int i = 0; i < data.rows(); i++) {
            if (i % 1024 == 0) {
                exec.checkCanceled();
                exec.setProgress((double) i / Math.max(1, data.rows()));
            }
            final DataCell[] row = new DataCell[cols + 1];
            for (int j = 0; j < cols; j++) {
                final double x = v[i * cols + j];
                row[j] = Double.isNaN(x) ? DataType.getMissingCell() : new DoubleCell(x);
            }
            row[cols] = cells.computeIfAbsent(data.labels()[i], StringCell::new);
            out.addRowToTable(new DefaultRow("Row" + original[i], row));
        }
        out.close();
        return out.getTable();
    }


}
