package io.github.sparselr.runner;

import io.github.sparselr.knime.node.coefimage.CoefficientImageNodeFactory;
import io.github.sparselr.knime.node.logregpath.LogRegPathNodeFactory;
import io.github.sparselr.knime.node.openmlreader.OpenMlReaderNodeFactory;
import io.github.sparselr.knime.node.predictor.LogRegPredictorNodeFactory;
import io.github.sparselr.knime.node.sagalearner.SagaLearnerNodeFactory;
import io.github.sparselr.knime.node.scaler.StandardScalerNodeFactory;
import io.github.sparselr.knime.node.scalerapply.StandardScalerApplyNodeFactory;
import io.github.sparselr.knime.node.scorer.ScorerNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workflows in test-workflows/, defined once. Regenerate them after a node's settings change:
 * {@code java -cp ... io.github.sparselr.runner.TestWorkflows test-workflows} (TestWorkflowsTest fails
 * while the committed files differ from what this writes).
 *
 * <p>Each reads OpenML's mnist_784 by default, as a real KNIME does; the workflow variables
 * {@code data_source} ("openml" or "local") and {@code mnist_folder} switch the OpenML Reader to a
 * local copy of the MNIST IDX files (scripts/get-mnist.sh).
 */
final class TestWorkflows {

    static final String STUDY = "MNIST_Sparse_L1_SAGA";
    static final String L1_VS_L2 = "MNIST_L1_vs_L2";
    static final String L1_PATH = "MNIST_L1_Path";

    private TestWorkflows() {
    }

    static Map<String, WorkflowWriter> all() {
        return Map.of(STUDY, study(), L1_VS_L2, l1VersusL2(), L1_PATH, l1Path());
    }

    /** The seed: OpenML Reader, Standard Scaler (+ Apply), SAGA L1 learner, Predictor, Scorer (gate 0.80), Viewer. */
    static WorkflowWriter study() {
        final WorkflowWriter w = commonStart();
        w.node(4, "SAGA Logistic Regression Learner", new SagaLearnerNodeFactory(), 560, 100, s -> {
            s.addString("target_column", "class");
            s.addString("penalty", "l1");
            s.addDouble("C", 50.0 / 5000);
            s.addDouble("tol", 0.1);
        });
        w.node(5, "Logistic Regression Predictor", new LogRegPredictorNodeFactory(), 760, 180, s -> { });
        w.node(6, "Scorer (sparselr)", new ScorerNodeFactory(), 960, 180, WorkflowGate.GATE);
        w.node(7, "Coefficient Image Viewer", new CoefficientImageNodeFactory(), 760, 40,
            s -> s.addString("title", "Classification vector for..."));
        w.connect(2, 0, 4, 0).connect(4, 0, 5, 0).connect(3, 0, 5, 1).connect(5, 0, 6, 0).connect(4, 0, 7, 0);
        return w;
    }

    /**
     * The same split and scaling, then the Logistic Regression Path: 20 values of C from the smallest
     * with a non-zero weight up to 100 times it, 5 stratified folds, glmnet's one-standard-error rule
     * (the sparsest model about as accurate as the best); its model is predicted, scored (gate 0.80)
     * and drawn.
     */
    static WorkflowWriter l1Path() {
        final WorkflowWriter w = commonStart();
        w.node(4, "Logistic Regression Path", new LogRegPathNodeFactory(), 560, 100, s -> {
            s.addString("target_column", "class");
            s.addString("penalty", "l1");
            s.addInt("Cs", 20);
            s.addString("C_grid", "automatic");
            s.addDouble("C_factor", 100);
            s.addString("solver", PATH_SOLVER);
            s.addDouble("tol", PATH_TOL);
            s.addInt("cv", 5);
            s.addString("selection_rule", "1-SE");
        });
        w.node(5, "Logistic Regression Predictor", new LogRegPredictorNodeFactory(), 760, 180, s -> { });
        w.node(6, "Scorer (sparselr)", new ScorerNodeFactory(), 960, 180, WorkflowGate.GATE);
        w.node(7, "Coefficient Image Viewer", new CoefficientImageNodeFactory(), 760, 40,
            s -> s.addString("title", "Classification vector of the chosen C"));
        w.connect(2, 0, 4, 0).connect(4, 0, 5, 0).connect(3, 0, 5, 1).connect(5, 0, 6, 0).connect(4, 0, 7, 0);
        return w;
    }

    /** The path workflow's solver and tol: the whole path with 5-fold CV in well under a minute on 2 cores. */
    static final String PATH_SOLVER = "newton-cd";

    static final double PATH_TOL = 1e-4;

    /** The same split and scaling, one L1 and one L2 learner side by side, each scored and drawn. */
    static WorkflowWriter l1VersusL2() {
        final WorkflowWriter w = commonStart();
        int id = 4;
        int y = 40;
        for (final String penalty : new String[] {"l1", "l2"}) {
            final int learner = id++;
            final int predictor = id++;
            final int scorer = id++;
            final int viewer = id++;
            w.node(learner, "SAGA " + penalty.toUpperCase() + " Learner", new SagaLearnerNodeFactory(), 560, y, s -> {
                s.addString("target_column", "class");
                s.addString("penalty", penalty);
                s.addDouble("C", 50.0 / 5000);
                s.addDouble("tol", 0.1);
            });
            w.node(predictor, "Predictor " + penalty.toUpperCase(), new LogRegPredictorNodeFactory(), 760, y + 60,
                s -> { });
            w.node(scorer, "Scorer " + penalty.toUpperCase(), new ScorerNodeFactory(), 960, y + 60, WorkflowGate.GATE);
            w.node(viewer, "Weights " + penalty.toUpperCase(), new CoefficientImageNodeFactory(), 760, y,
                s -> s.addString("title", "Classification vector, " + penalty.toUpperCase() + " penalty"));
            w.connect(2, 0, learner, 0).connect(learner, 0, predictor, 0).connect(3, 0, predictor, 1)
                .connect(predictor, 0, scorer, 0).connect(learner, 0, viewer, 0);
            y += 200;
        }
        return w;
    }

    /** Reader → Standard Scaler on the training rows → Standard Scaler (Apply) on the test rows. */
    private static WorkflowWriter commonStart() {
        return new WorkflowWriter()
            .variable("data_source", "STRING", "openml")
            .variable("mnist_folder", "STRING", "")
            .node(1, "OpenML Reader", new OpenMlReaderNodeFactory(), 40, 100, s -> { })
            .bind(1, "source", "data_source")
            .bind(1, "local_path", "mnist_folder")
            .node(2, "Standard Scaler", new StandardScalerNodeFactory(), 240, 100, s -> { })
            .node(3, "Standard Scaler (Apply)", new StandardScalerApplyNodeFactory(), 400, 180, s -> { })
            .connect(1, 0, 2, 0).connect(2, 1, 3, 0).connect(1, 1, 3, 1);
    }

    /** Writes every workflow into {@code args[0]} (default test-workflows). */
    public static void main(final String[] args) throws IOException {
        final Path root = Path.of(args.length > 0 ? args[0] : "test-workflows");
        for (final Map.Entry<String, WorkflowWriter> w : all().entrySet()) {
            OutputFolder.deleteRecursively(root.resolve(w.getKey()));
            w.getValue().write(root.resolve(w.getKey()));
        }
    }
}
