package io.github.sparselr.knime.node.openmlreader;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.io.DatasetLayout;
import io.github.sparselr.io.LocalDatasets;
import io.github.sparselr.io.Mnist;
import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.openml.ColumnRoles;
import io.github.sparselr.openml.DownloadListener;
import io.github.sparselr.openml.OpenMlClient;
import io.github.sparselr.openml.OpenMlConfig;
import io.github.sparselr.openml.OpenMlDataset;
import io.github.sparselr.openml.OpenMlUnavailableException;
import io.github.sparselr.openml.TargetChoiceException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * The spec from what is cheap to read, never the data: a local file's header (ARFF header, CSV first
     * line, IDX headers and label files), or OpenML's description and feature list (cached, or fetched
     * with {@link #configureLimits}). A null spec means "unknown until execute" (KNIME 5.1's
     * {@code org.knime.core.node.NodeModel#configure}), and KNIME then configures none of the nodes below
     * ({@code org.knime.core.node.Node#configure(PortObjectSpec[], NodeConfigureHelper)} returns false while
     * a required input has no spec): the learner's dialog and every node below depend on this spec.
     * Execute produces the same columns and target domain (see {@link #classes}).
     */
    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DatasetLayout layout = layout();
        final DataTableSpec spec = spec(layout.features(), layout.target(), layout.classes());
        return new DataTableSpec[] {spec, spec};
    }

    private DatasetLayout layout() throws InvalidSettingsException {
        if (m_settings.isLocal()) {
            try {
                return LocalDatasets.layout(localPath(), m_settings.target().getStringValue(),
                    m_settings.csvHeader().getBooleanValue(), m_settings.csvCharset());
            } catch (IOException e) {
                final String reason = String.valueOf(e.getMessage());
                throw new InvalidSettingsException("Cannot read the header of '" + localPath() + "': " + reason
                    + (reason.endsWith(".") ? "" : ".")
                    + " Check the file, or choose another one in 'ARFF, CSV, or IDX file or folder'.", e);
            }
        }
        checkOpenMlSettings();
        final OpenMlClient client = client(configureLimits(config()));
        try {
            return client.metadataLayout(m_settings.id().getIntValue(), m_settings.name().getStringValue(),
                m_settings.version().getIntValue(), m_settings.target().getStringValue());
        } catch (TargetChoiceException e) {
            throw askForTarget(e);
        } catch (OpenMlUnavailableException e) {
            throw new InvalidSettingsException("Cannot read the dataset's description from OpenML at "
                + m_settings.server().getStringValue() + " (configure needs it): " + e.getMessage() + " "
                + offlineAdvice(), e);
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot read the dataset's description from OpenML at "
                + m_settings.server().getStringValue() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Configure only reads OpenML's small JSON answers (a name lookup, a description, a feature list), and
     * KNIME may configure on the user's thread: 5 s to connect, 10 s per read, no retry, 20 s per answer
     * in all, instead of the 30 s timeouts, 3 retries and one hour execute allows for the data file.
     */
    static OpenMlConfig configureLimits(final OpenMlConfig config) {
        return config.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withRetries(0, Duration.ZERO)
            .withDownloadTimeLimit(Duration.ofSeconds(20));
    }

    /** The dataset's target cannot be had as set: the user must choose one, among the candidates named. */
    private static InvalidSettingsException askForTarget(final TargetChoiceException e) {
        return new InvalidSettingsException(e.getMessage() + " Set it in the dialog's 'Target column' (setting '"
            + OpenMlReaderSettings.KEY_TARGET + "').", e);
    }

    /**
     * OpenML cannot be reached: say how to switch to local files, in the terms of the dialog and of the
     * workflow variables the shipped workflows bind to these settings.
     */
    static String offlineAdvice() {
        return "To work offline, set 'Source' (setting '" + OpenMlReaderSettings.KEY_SOURCE + "'; the shipped "
            + "workflows bind it to the workflow variable 'data_source') to '" + OpenMlReaderSettings.SOURCE_LOCAL
            + "', and 'ARFF, CSV, or IDX file or folder' (setting '" + OpenMlReaderSettings.KEY_LOCAL_PATH
            + "'; workflow variable 'mnist_folder') to the data's file or folder, e.g. a folder with the four MNIST "
            + "IDX files.";
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

    private OpenMlConfig config() throws InvalidSettingsException {
        checkCacheFolder(m_settings.cacheRoot());
        String server = m_settings.server().getStringValue();
        server = server.endsWith("/") ? server : server + "/";
        try {
            return OpenMlConfig.defaults(m_settings.cacheRoot()).withServer(URI.create(server));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * The cache folder, or the nearest of its parents that exists, must be a folder: else every download
     * would fail with a file system error that reads as if OpenML had failed.
     */
    static void checkCacheFolder(final Path root) throws InvalidSettingsException {
        Path existing = root.toAbsolutePath();
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !java.nio.file.Files.isDirectory(existing)) {
            throw new InvalidSettingsException("The OpenML cache folder " + root + " (setting '"
                + OpenMlReaderSettings.KEY_CACHE_DIR + "') is not a folder" + (existing.equals(root.toAbsolutePath())
                    ? "" : ": " + existing + " is a file") + "; set '" + OpenMlReaderSettings.KEY_CACHE_DIR
                + "' to a folder, or leave it empty for the default cache folder.");
        }
    }

    private static OpenMlClient client(final OpenMlConfig config) throws InvalidSettingsException {
        try {
            return new OpenMlClient(config);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Features as double columns, then the target as a string column with the classes as its domain (no
     * domain while the classes are unknown: an empty one would say "no classes").
     */
    static DataTableSpec spec(final List<String> features, final String target, final List<String> classes) {
        final List<DataColumnSpec> columns = new ArrayList<>(features.size() + 1);
        for (final String f : features) {
            columns.add(new DataColumnSpecCreator(f, DoubleCell.TYPE).createSpec());
        }
        columns.add(classes.isEmpty() ? new DataColumnSpecCreator(target, StringCell.TYPE).createSpec()
            : LogisticModelPortObject.nominalColumn(target, classes));
        return new DataTableSpec("Dataset", columns.toArray(new DataColumnSpec[0]));
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        if (m_settings.isLocal() && LocalDatasets.kind(localPath()) == LocalDatasets.Kind.IDX) {
            return executeIdx(LocalDatasets.idxFolder(localPath()), exec);
        }
        final DenseDataset data;
        final ExecutionMonitor reading = exec.createSubProgress(0.6);
        try {
            if (m_settings.isLocal()) {
                data = LocalDatasets.read(localPath(), m_settings.target().getStringValue(),
                    m_settings.csvHeader().getBooleanValue(), m_settings.csvCharset(), () -> cancelled(reading));
            } else {
                data = readOpenMl(reading);
            }
        } catch (CancellationException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
        final TrainTestSplit.Indices rows = indices(data.rows());
        final DataTableSpec spec = spec(data.columnNames(), data.targetName(), classes(data));
        return new BufferedDataTable[] {
            table(data.select(rows.train()), rows.train(), spec, exec.createSubExecutionContext(0.2)),
            table(data.select(rows.test()), rows.test(), spec, exec.createSubExecutionContext(0.2))};
    }

    /**
     * An IDX folder: the label files give the row count and the classes, the split picks the rows, and only
     * those rows are converted from the image bytes; the same tables as reading the folder whole.
     */
    private BufferedDataTable[] executeIdx(final Path folder, final ExecutionContext exec) throws Exception {
        final DenseDataset labels = Mnist.readLabels(folder);
        final TrainTestSplit.Indices rows = indices(labels.rows());
        final DenseDataset[] chosen = Mnist.readRows(folder, rows.train(), rows.test());
        exec.setProgress(0.6);
        final DataTableSpec spec = spec(chosen[0].columnNames(), chosen[0].targetName(),
            new ArrayList<>(new TreeSet<>(List.of(labels.labels()))));
        return new BufferedDataTable[] {table(chosen[0], rows.train(), spec, exec.createSubExecutionContext(0.2)),
            table(chosen[1], rows.test(), spec, exec.createSubExecutionContext(0.2))};
    }

    /** The rows the split draws from {@code n} rows, by the node's seeds and sizes. */
    private TrainTestSplit.Indices indices(final int n) throws InvalidSettingsException {
        try {
            return TrainTestSplit.indices(n, m_settings.shuffleSeed().getIntValue(),
                m_settings.splitSeed().getIntValue(), m_settings.trainRows().getIntValue(),
                m_settings.testRows().getIntValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage() + " (the dataset has " + n + " rows)", e);
        }
    }

    /**
     * The target's domain: the classes the header declares (an ARFF file's nominal values, OpenML's
     * feature list), as configure read them, and any other label the data holds; sorted. As KNIME's own
     * ARFF Reader, a declared class is in the domain even where no row has it, so that execute's spec is
     * the one configure gave.
     */
    private List<String> classes(final DenseDataset data) throws InvalidSettingsException, IOException {
        final TreeSet<String> classes = new TreeSet<>(List.of(data.labels()));
        if (!m_settings.isLocal() || LocalDatasets.kind(localPath()) == LocalDatasets.Kind.ARFF) {
            classes.addAll(layout().classes()); // the header only: the data's metadata is cached by now
        }
        return new ArrayList<>(classes);
    }

    private DenseDataset readOpenMl(final ExecutionMonitor reading) throws Exception {
        checkOpenMlSettings();
        final OpenMlClient client = client(config());
        final OpenMlDataset fetched;
        try {
            final int id = m_settings.id().getIntValue() > 0 ? m_settings.id().getIntValue()
                : client.resolve(m_settings.name().getStringValue(), m_settings.version().getIntValue());
            fetched = client.load(client.description(id), m_settings.target().getStringValue(), new DownloadListener() {
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
        } catch (TargetChoiceException e) {
            throw askForTarget(e);
        } catch (OpenMlUnavailableException e) {
            throw new OpenMlUnavailableException(e.getMessage() + " " + offlineAdvice(), e);
        }
        final ColumnRoles roles = fetched.roles();
        if (!roles.dropped().isEmpty()) {
            // fetch_openml drops them silently; we say so
            setWarningMessage("Dropped " + (roles.rowIdentifiers().isEmpty() ? ""
                : "the row identifier " + quoted(roles.rowIdentifiers()) + (roles.ignored().isEmpty() ? "" : " and "))
                + (roles.ignored().isEmpty() ? "" : "the ignored " + quoted(roles.ignored())) + ", as OpenML flags "
                + (roles.dropped().size() == 1 ? "it" : "them") + " (and scikit-learn's fetch_openml drops "
                + (roles.dropped().size() == 1 ? "it" : "them") + ").");
        }
        return fetched.data();
    }

    private static String quoted(final List<String> names) {
        final List<String> q = new ArrayList<>();
        for (final String n : names) {
            q.add("'" + n + "'");
        }
        return String.join(", ", q);
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
