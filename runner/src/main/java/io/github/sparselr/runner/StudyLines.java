package io.github.sparselr.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lines the classic scikit-learn MNIST example prints, read from the flow variables the nodes
 * pushed: per node with {@code sparsity} and {@code penalty} "Sparsity with L1 penalty: 79.55%", per
 * node with {@code Accuracy} (KNIME's Scorer) "Test score with L1 penalty: 0.8305", where the penalty
 * is that of the nearest node upstream that pushed {@code penalty} (in KNIME, the one whose variable
 * the scorer sees), and "Example run in 0.912 s" for the whole command.
 */
final class StudyLines {

    static final String PENALTY = "penalty";
    static final String SPARSITY = "sparsity";
    static final String ACCURACY = "Accuracy";

    private StudyLines() {
    }

    static void print(final WorkflowDefinition workflow, final List<NodeResult> results, final double seconds,
        final PrintWriter out) {
        for (final NodeResult r : results) {
            final Map<String, Object> variables = r.flowVariables();
            if (variables.get(SPARSITY) instanceof Number && variables.get(PENALTY) != null) {
                out.printf(Locale.ROOT, "Sparsity with %s penalty: %.2f%%%n", penaltyName(variables.get(PENALTY)),
                    100 * ((Number) variables.get(SPARSITY)).doubleValue());
            }
        }
        for (final NodeResult r : results) {
            if (r.flowVariables().get(ACCURACY) instanceof Number) {
                out.printf(Locale.ROOT, "Test score with %s penalty: %.4f%n", penaltyUpstreamOf(workflow, results, r),
                    ((Number) r.flowVariables().get(ACCURACY)).doubleValue());
            }
        }
        out.printf(Locale.ROOT, "Example run in %.3f s%n", seconds);
    }

    private static String penaltyName(final Object penalty) {
        return penalty.toString().toUpperCase(Locale.ROOT);
    }

    /** The penalty pushed by the nearest node upstream of {@code node} (breadth first), or "the". */
    private static String penaltyUpstreamOf(final WorkflowDefinition workflow, final List<NodeResult> results,
        final NodeResult node) {
        final Deque<Integer> queue = new ArrayDeque<>(List.of(node.node().id()));
        final Set<Integer> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            final int id = queue.poll();
            for (final WorkflowDefinition.Connection c : workflow.connections()) {
                if (c.destId() != id || !seen.add(c.sourceId())) {
                    continue;
                }
                for (final NodeResult r : results) {
                    if (r.node().id() == c.sourceId() && r.flowVariables().get(PENALTY) != null) {
                        return penaltyName(r.flowVariables().get(PENALTY));
                    }
                }
                queue.add(c.sourceId());
            }
        }
        return "the";
    }

    /**
     * One line per image output, naming its node, port and the port's name, e.g. {@code Image of Coefficient
     * Image Viewer (#7), port 1 "Coefficient images": out/Coefficient Image Viewer (#7)/port_1.png}.
     */
    static void printImages(final List<RunOutput.Image> images, final Path folder, final PrintWriter printer) {
        for (final RunOutput.Image image : images) {
            printer.println(imageLine(image, folder));
        }
    }

    static String imageLine(final RunOutput.Image image, final Path folder) {
        final String name = image.portName() == null || image.portName().isBlank() ? ""
            : " \"" + image.portName().strip() + "\"";
        return "Image of " + image.node() + ", port " + image.port() + name + ": " + folder.resolve(image.file());
    }
}
