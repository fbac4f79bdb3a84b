package io.github.sparselr.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sparselr.data.DenseDataset;
import io.github.sparselr.testing.HexFixtures;
import io.github.sparselr.testing.MnistSubset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIMD lanes ({@link VectorFusedLoops}) must give the scalar loops' bits: every fixture case and
 * class counts that exercise each grouping of vectors, plus a JVM without the Vector API, which
 * must fall back to the scalar loops by itself.
 */
class SagaLanesTest {

    private static final Map<String, HexFixtures.Case> FIXTURES = HexFixtures.read("/fixtures/saga/saga-fixtures.txt");

    private static DenseDataset standardized;

    @BeforeAll
    static void standardize() {
        standardized = MnistSubset.standardized();
    }

    @Test
    void theTestJvmResolvesTheVectorApi() {
        // the build passes --add-modules jdk.incubator.vector to every test JVM; without it the tests
        // below would only ever compare the scalar loops with themselves
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        // and the start-up self-test passes wherever the hardware has the lanes, so the tests below
        // are skipped only on hardware without them
        assertThat(SagaLanes.available()).isEqualTo(VectorFusedLoops.nativeLanes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1", "l2", "elasticnet", "none", "l2_rescale", "elasticnet_rescale", "sample_weight",
        "max_iter", "no_intercept", "seed_42"})
    void lanesGiveTheScalarBitsOnEveryFixtureCase(final String name) {
        assumeTrue(SagaLanes.available(), "this hardware has no native 256-bit double vectors");
        final HexFixtures.Case c = FIXTURES.get(name);
        final SagaParameters parameters = SagaSolverFidelityTest.parametersOf(c);
        final DenseDataset data = c.has("rows") ? standardized.select(c.ints("rows")) : standardized;
        final double[] weights = c.has("sample_weight") ? c.doubles("sample_weight") : null;
        assertSameBits(parameters, data, weights);
    }

    /** 3 and 4 classes fill one vector, 5–8 two (one pass each), 9–12 three (one pass), 13 four (3 + 1). */
    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 8, 9, 13})
    void lanesGiveTheScalarBitsForEachGroupingOfClasses(final int classes) {
        assumeTrue(SagaLanes.available(), "this hardware has no native 256-bit double vectors");
        final DenseDataset data = withClasses(classes);
        assertSameBits(SagaParameters.mnistStudy().withC(50.0 / data.rows()), data, null);
        assertSameBits(SagaParameters.mnistStudy().withPenalty(Penalty.ELASTICNET).withL1Ratio(0.5)
            .withC(0.5 / data.rows()), data, null);
    }

    @Test
    void aJvmWithoutTheVectorApiFallsBackToTheScalarLoops() throws Exception {
        final String out = childFit();
        assertThat(out).isEqualTo("lanes=false " + fingerprint(studyFit(false)));
        if (SagaLanes.available()) {
            assertThat(out).isEqualTo("lanes=false " + fingerprint(studyFit(true)));
        }
    }

    @Test
    void thePropertySwitchesTheLanesOffWhereTheVectorApiIsResolved() throws Exception {
        final String out = childFit("--add-modules", "jdk.incubator.vector", "-D" + SagaLanes.PROPERTY + "=false");
        assertThat(out).isEqualTo("lanes=false " + fingerprint(studyFit(false)));
    }

    /** Runs {@link #main} in a child JVM with the given options and returns what it printed. */
    private static String childFit(final String... options) throws Exception {
        final String java = ProcessHandle.current().info().command().orElseThrow();
        final List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SagaLanesTest.class.getName()));
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
            .replace("WARNING: Using incubator modules: jdk.incubator.vector", "").trim();
        assertThat(child.waitFor()).as(out).isZero();
        return out;
    }

    /** The child JVM of {@link #aJvmWithoutTheVectorApiFallsBackToTheScalarLoops()}. */
    public static void main(final String[] args) {
        System.out.println("lanes=" + new SagaSolver(SagaParameters.mnistStudy()).usesVectorLanes() + " "
            + fingerprint(studyFit(true)));
    }

    private static LogisticModel studyFit(final boolean lanes) {
        final DenseDataset data = MnistSubset.standardized();
        return new SagaSolver(SagaParameters.mnistStudy().withC(50.0 / data.rows()), lanes, true).fit(data);
    }

    private static String fingerprint(final LogisticModel model) {
        return model.nIter() + ":" + Arrays.hashCode(model.coef()) + ":" + Arrays.hashCode(model.intercept());
    }

    private static void assertSameBits(final SagaParameters parameters, final DenseDataset data,
        final double[] sampleWeights) {
        final SagaSolver lanes = new SagaSolver(parameters, true, true);
        final SagaSolver scalar = new SagaSolver(parameters, false, true);
        assertThat(lanes.usesVectorLanes()).isTrue();
        assertThat(scalar.usesVectorLanes()).isFalse();
        SagaZeroColumnsTest.assertSameBits(lanes.fit(data, sampleWeights, null, FitProgress.NONE),
            scalar.fit(data, sampleWeights, null, FitProgress.NONE));
    }

    private static DenseDataset withClasses(final int classes) {
        // MNIST has 10 digits; more classes come from splitting each digit by the row's parity
        final String[] labels = standardized.labels();
        final String[] relabelled = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            final int digit = Integer.parseInt(labels[i]);
            relabelled[i] = classes <= 10 ? labels[i] : digit + (digit < classes - 10 ? "/" + (i % 2) : "");
        }
        final int[] rows = IntStream.range(0, labels.length)
            .filter(i -> classes > 10 || Integer.parseInt(labels[i]) < classes).toArray();
        return DenseDataset.of(standardized.values(), standardized.rows(), standardized.columnNames(), relabelled)
            .select(rows);
    }
}
