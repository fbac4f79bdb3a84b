package io.github.sparselr.knime.node.predictor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the Logistic Regression Predictor node, registered in plugin.xml. */
public final class LogRegPredictorNodeFactory extends NodeFactory<LogRegPredictorNodeModel> {

    @Override
    public LogRegPredictorNodeModel createNodeModel() {
        return new LogRegPredictorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<LogRegPredictorNodeModel> createNodeView(final int viewIndex,
        final LogRegPredictorNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The Logistic Regression Predictor has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new LogRegPredictorNodeDialog();
    }
}
