package io.github.sparselr.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.data.TrainTestSplit;
import io.github.sparselr.io.Mnist;
import io.github.sparselr.linear.LogisticModel;
import io.github.sparselr.linear.SagaParameters;
import io.github.sparselr.linear.SagaSolver;
import io.github.sparselr.preprocessing.ScalerModel;
import io.github.sparselr.preprocessing.StandardScaler;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workflow in test-workflows/ headlessly on the full MNIST data (70000 digits from
 * -Dmnist.dir, or else fetched once by scripts/get-mnist.sh) through the command line, as CI and the README do.
 * A failing node or a tripped quality gate fails the build.
 */
class WorkflowsOnMnistIT {

    private static Path mnist;

    @BeforeAll
    static void findMnist() throws Exception {
        mnist = MnistFolder.find();
        assertThat(mnist.resolve("train-images-idx3-ubyte")).isRegularFile();
    }

    private static String run(final String workflow, final String... more) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final List<String> args = new ArrayList<>(List.of("run",
            "-workflowDir=" + Path.of("..", "test-workflows", workflow), "-reset", "-nosave",
            "-workflow.variable=data_source,local,String", "-workflow.variable=mnist_folder," + mnist + ",String"));
        args.addAll(List.of(more));
        final int code = SparselrCli.execute(args.toArray(new String[0]), new PrintWriter(out, true),
            new PrintWriter(err, true));
        assertThat(code).as("exit code of " + workflow + "; stderr: " + err).isZero();
        return out.toString();
    }

    /** The README's main job, {@code ./sparselr mnist --out DIR}, as the launcher calls the runner. */
    private static String mnist(final Path outDir) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        System.setProperty(SparselrCli.HOME_PROPERTY, Path.of("..").toAbsolutePath().normalize().toString());
        System.setProperty(SparselrCli.MNIST_PROPERTY, mnist.toString());
        try {
            final int code = SparselrCli.execute(new String[] {"mnist", "--out", outDir.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(code).as("exit code of mnist; stderr: " + err).isZero();
        } finally {
            System.clearProperty(SparselrCli.HOME_PROPERTY);
            System.clearProperty(SparselrCli.MNIST_PROPERTY);
        }
        return out.toString();
    }

    @Test
    void theStudyPrintsTheEnginesNumbersWhichAreScikitLearns(@TempDir final Path outputs) throws Exception {
        final Path outDir = outputs.resolve("study");
        final String output = mnist(outDir);
        assertThat(outDir.resolve("Coefficient Image Viewer (#7)/port_1.png")).isRegularFile();
        assertThat(output).contains("Image of Coefficient Image Viewer (#7), port 1 \"Coefficient images\": "
            + outDir.resolve("Coefficient Image Viewer (#7)/port_1.png"));
        // the data tables (5000 and 10000 rows of 785 columns) are left out without --all-tables
        assertThat(outDir.resolve("OpenML Reader (#1)/port_1.csv")).doesNotExist();
        assertThat(outDir.resolve("SAGA Logistic Regression Learner (#4)/port_2.csv")).isRegularFile();

        // the same study, engine only
        final DenseDataset all = Mnist.readFolder(mnist);
        final TrainTestSplit split = TrainTestSplit.of(all, 0, 0, 5000, 10000);
        final ScalerModel scaler = StandardScaler.centeringAndScaling()
            .fit(split.train().values(), 5000, split.train().columnNames());
        final LogisticModel model = new SagaSolver(SagaParameters.mnistStudy())
            .fit(split.train().withValues(scaler.transform(split.train().values(), 5000)));
        final double score = model.score(split.test().withValues(scaler.transform(split.test().values(), 10000)));
        final String sparsity = String.format(Locale.ROOT, "Sparsity with L1 penalty: %.2f%%", 100 * model.sparsity());
        final String test = String.format(Locale.ROOT, "Test score with L1 penalty: %.4f", score);
        assertThat(output).contains(sparsity).contains(test).containsPattern("Example run in \\d+\\.\\d{3} s");
        // scikit-learn 1.2.1 on the same rows (scripts/bench-saga.sh prints both sides): 79.55% and 0.8305
        assertThat(sparsity).endsWith("79.55%");
        assertThat(test).endsWith("0.8305");
    }

    @Test
    void l1AgainstL2RunsBothBranchesAndPassesBothGates() {
        final String output = run(TestWorkflows.L1_VS_L2);
        // L2 zeroes only the weights of pixels that are blank in every training digit (they stay 0)
        final double l1 = number(output, "Sparsity with L1 penalty: ([0-9.]+)%");
        final double l2 = number(output, "Sparsity with L2 penalty: ([0-9.]+)%");
        assertThat(l1).isEqualTo(79.55);
        assertThat(l2).isPositive().isLessThan(l1 / 3);
        assertThat(number(output, "Test score with L1 penalty: ([0-9.]+)")).isEqualTo(0.8305);
        assertThat(number(output, "Test score with L2 penalty: ([0-9.]+)")).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void thePathChoosesACOfItsGridByCrossValidationAndItsModelScoresAbove080(@TempDir final Path outputs)
        throws Exception {
        final Path outDir = outputs.resolve("path");
        final long start = System.nanoTime();
        final String output = run(TestWorkflows.L1_PATH, "--out", outDir.toString());
        final double seconds = (System.nanoTime() - start) / 1e9;
        final Path node = outDir.resolve("Logistic Regression Path (#4)");
        final List<CSVRecord> path;
        try (Reader in = Files.newBufferedReader(node.resolve("port_2.csv"));
                CSVParser csv = CSVFormat.RFC4180.builder().setHeader().build().parse(in)) {
            path = csv.getRecords();
        }
        assertThat(path).hasSize(20);
        final List<CSVRecord> chosen = path.stream().filter(r -> "true".equals(r.get("Selected"))).toList();
        assertThat(chosen).hasSize(1);
        final double c = Double.parseDouble(chosen.get(0).get("C"));
        assertThat(c).isBetween(Double.parseDouble(path.get(0).get("C")), Double.parseDouble(path.get(19).get("C")));
        // glmnet's 1-SE rule: the smallest C whose mean held-out accuracy is within one standard error of
        // the best; the table's sd is numpy's (ddof 0), so the standard error is sd / sqrt(folds - 1)
        final CSVRecord best = path.stream()
            .max(java.util.Comparator.comparingDouble(r -> Double.parseDouble(r.get("CV accuracy mean")))).orElseThrow();
        final double threshold = Double.parseDouble(best.get("CV accuracy mean"))
            - Double.parseDouble(best.get("CV accuracy sd")) / Math.sqrt(5 - 1);
        final CSVRecord expected = path.stream()
            .filter(r -> Double.parseDouble(r.get("CV accuracy mean")) >= threshold).findFirst().orElseThrow();
        assertThat(chosen.get(0).get("C")).isEqualTo(expected.get("C"));
        // sparsity grows as C shrinks: the first C (the smallest with a non-zero weight) keeps almost none
        assertThat(Double.parseDouble(path.get(0).get("Sparsity %"))).isGreaterThan(99);
        assertThat(Double.parseDouble(path.get(19).get("Sparsity %")))
            .isLessThan(Double.parseDouble(path.get(0).get("Sparsity %")));
        // the runner prints the chosen model's sparsity (the node's flow variable) and its test score
        assertThat(number(output, "Sparsity with L1 penalty: ([0-9.]+)%"))
            .isCloseTo(Double.parseDouble(chosen.get(0).get("Sparsity %")), org.assertj.core.data.Offset.offset(0.005));
        assertThat(number(output, "Test score with L1 penalty: ([0-9.]+)")).isGreaterThan(0.8);
        final BufferedImage plot = ImageIO.read(node.resolve("port_3.png").toFile());
        assertThat(plot).isNotNull();
        assertThat(plot.getWidth()).isEqualTo(900);
        assertThat(outDir.resolve("Coefficient Image Viewer (#7)/port_1.png")).isRegularFile();
        // each image named by its node and port: the path node's plot is no coefficient image
        assertThat(output.lines().filter(l -> l.startsWith("Image of ")).toList()).containsExactly(
            "Image of Logistic Regression Path (#4), port 3 \"Trade-off plot\": " + node.resolve("port_3.png"),
            "Image of Coefficient Image Viewer (#7), port 1 \"Coefficient images\": "
                + outDir.resolve("Coefficient Image Viewer (#7)/port_1.png"));
        System.out.printf(Locale.ROOT, "MNIST_L1_Path ran in %.1f s (reader to viewer), chosen C = %.5g%n", seconds, c);
    }

    private static double number(final String text, final String pattern) {
        final java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as(pattern + " in the output").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void everyCommittedWorkflowIsCoveredHere() throws Exception {
        try (var dirs = Files.list(Path.of("..", "test-workflows"))) {
            assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactlyInAnyOrder(TestWorkflows.STUDY, TestWorkflows.L1_VS_L2, TestWorkflows.L1_PATH);
        }
    }
}
