package io.github.sparselr.linear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one decision of which loop runs a fit's fused pass: the table of {@code package-info.java}. */
class FusedPassTest {

    @Test
    void multinomialFitsRunTheLanesOfTheirPenaltyWhereverTheLanesAreAvailable() {
        assertThat(FusedPass.choose(true, 10, false, false)).isEqualTo(FusedPass.LANES);
        assertThat(FusedPass.choose(true, 10, false, true)).isEqualTo(FusedPass.LANES_DIVIDE);
        assertThat(FusedPass.choose(true, 10, true, false)).isEqualTo(FusedPass.LANES_PROX);
        assertThat(FusedPass.choose(true, 3, true, true)).isEqualTo(FusedPass.LANES_PROX_DIVIDE);
    }

    @Test
    void binaryFitsAndJvmsWithoutLanesRunTheScalarLoopOfTheirPenalty() {
        for (final int coefRows : new int[] {1, 10}) {
            final boolean lanes = coefRows == 10;
            assertThat(FusedPass.choose(!lanes, coefRows, false, false)).isEqualTo(FusedPass.SCALAR_PLAIN);
            assertThat(FusedPass.choose(!lanes, coefRows, false, true)).isEqualTo(FusedPass.SCALAR_PLAIN);
            assertThat(FusedPass.choose(!lanes, coefRows, true, false)).isEqualTo(FusedPass.SCALAR_PROX);
            assertThat(FusedPass.choose(!lanes, coefRows, true, true)).isEqualTo(FusedPass.SCALAR_PROX_DIVIDE);
        }
    }

    @Test
    void lanesPadEachFeaturesClassesToWholeVectorsAndScalarLoopsDoNot() {
        assertThat(FusedPass.LANES_PROX.stride(10)).isEqualTo(12);
        assertThat(FusedPass.LANES_PROX.stride(12)).isEqualTo(12);
        assertThat(FusedPass.LANES.stride(3)).isEqualTo(4);
        assertThat(FusedPass.SCALAR_PROX.stride(10)).isEqualTo(10);
    }

    @Test
    void theSolverAnswersFromTheSameRule() {
        final SagaSolver solver = new SagaSolver(SagaParameters.mnistStudy(), true, true);
        assertThat(solver.usesVectorLanesFor(2)).isFalse();
        assertThat(solver.usesVectorLanesFor(3)).isEqualTo(SagaLanes.available());
        assertThat(solver.usesVectorLanesFor(10)).isEqualTo(SagaLanes.available());
        assertThat(new SagaSolver(SagaParameters.mnistStudy(), false, true).usesVectorLanesFor(10)).isFalse();
    }
}
