package io.github.sparselr.knime.node.sagalearner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the SAGA Logistic Regression Learner node, registered in plugin.xml. */
public final class SagaLearnerNodeFactory extends NodeFactory<SagaLearnerNodeModel> {

    /** The training summary's column that says whether the fit ran SIMD lanes ("true"/"false"). */
    public static final String SIMD_LANES_COLUMN = "SIMD lanes";

    @Override
    public SagaLearnerNodeModel createNodeModel() {
        return new SagaLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SagaLearnerNodeModel> createNodeView(final int viewIndex, final SagaLearnerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The SAGA Logistic Regression Learner has no views.");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SagaLearnerNodeDialog();
    }
}
