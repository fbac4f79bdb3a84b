package io.github.sparselr.runner;

import io.github.sparselr.knime.port.LogisticModelPortObject;
import io.github.sparselr.linear.LogisticModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The lines the classic scikit-learn MNIST example prints, from a run's results: per learner
 * "Sparsity with L1 penalty: 79.55%", per scorer "Test score with L1 penalty: 0.8305" (the penalty of
 * the learner before it), and "Example run in 0.912 s" for the whole run.
 */
final class StudyLines {

    private StudyLines() {
    }

    static void print(final WorkflowDefinition workflow, final List<NodeResult> results, final double seconds,
        final PrintWriter out) {
        String penalty = null;
        for (final NodeResult r : results) {
            if (r.outputs() != null && r.outputs().length > 0 && r.outputs()[0] instanceof LogisticModelPortObject) {
                final LogisticModel model = ((LogisticModelPortObject) r.outputs()[0]).model();
                penalty = model.parameters().penalty().sklearnName().toUpperCase(Locale.ROOT);
                out.printf(Locale.ROOT, "Sparsity with %s penalty: %.2f%%%n", penalty, 100 * model.sparsity());
            }
        }
        for (final NodeResult r : results) {
            if (r.flowVariables().containsKey("Accuracy")) {
                out.printf(Locale.ROOT, "Test score with %s penalty: %.4f%n", penaltyOf(workflow, results, r),
                    (Double) r.flowVariables().get("Accuracy"));
            }
        }
        out.printf(Locale.ROOT, "Example run in %.3f s%n", seconds);
    }

    /** The penalty of the learner whose model made the predictions this scorer scores. */
    private static String penaltyOf(final WorkflowDefinition workflow, final List<NodeResult> results,
        final NodeResult scorer) {
        for (final WorkflowDefinition.Connection toScorer : workflow.connections()) {
            if (toScorer.destId() != scorer.node().id()) {
                continue;
            }
            for (final WorkflowDefinition.Connection toPredictor : workflow.connections()) {
                if (toPredictor.destId() != toScorer.sourceId()) {
                    continue;
                }
                for (final NodeResult r : results) {
                    if (r.node().id() == toPredictor.sourceId() && r.outputs() != null && r.outputs().length > 0
                        && r.outputs()[0] instanceof LogisticModelPortObject) {
                        return ((LogisticModelPortObject) r.outputs()[0]).model().parameters().penalty().sklearnName()
                            .toUpperCase(Locale.ROOT);
                    }
                }
            }
        }
        return "the";
    }

    static void printImages(final List<NodeResult> results, final Path out, final PrintWriter printer) {
        for (final NodeResult r : results) {
            final Path png = out.resolve(r.node().label()).resolve("port_1.png");
            if (Files.exists(png)) {
                printer.println("Coefficient image: " + png);
            }
        }
    }
}
