package io.github.sparselr.runner;

import java.io.File;
import java.nio.file.InvalidPathException;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;

/**
 * A test node with one table input whose execute throws what a class's static initialiser throws on a
 * path the platform's encoding cannot hold (an Error, not an Exception), as a reader did under
 * {@code LC_ALL=C} in a folder named 'ü'.
 */
public final class ErrorThrowingNodeFactory extends NodeFactory<ErrorThrowingNodeFactory.Model> {

    /** The node model. */
    public static final class Model extends NodeModel {
        Model() {
            super(1, 0);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[0];
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec) {
            throw new ExceptionInInitializerError(new InvalidPathException("/tmp/\u00fc/data",
                "Malformed input or input contains unmappable characters"));
        }

        @Override
        protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        }

        @Override
        protected void reset() {
        }
    }

    @Override
    public Model createNodeModel() {
        return new Model();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<Model> createNodeView(final int viewIndex, final Model nodeModel) {
        throw new IndexOutOfBoundsException("no views");
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
