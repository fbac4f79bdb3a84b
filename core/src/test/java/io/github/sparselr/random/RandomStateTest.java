package io.github.sparselr.random;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.testing.HexFixtures;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Check values from docs/saga.md §9, from numpy 1.24.2's RandomState and scikit-learn 1.2.1's ArrayDataset64. */
class RandomStateTest {

    @Test
    void mt19937SeededWithZeroGivesNumpysFirstOutputs() {
        final RandomState random = new RandomState(0);
        assertThat(new long[] {random.nextUint32(), random.nextUint32(), random.nextUint32(), random.nextUint32(),
            random.nextUint32()}).containsExactly(2357136044L, 2546248239L, 3071714933L, 3626093760L, 2588848963L);
    }

    @Test
    void permutationOf70000MatchesNumpysAtBothEnds() {
        final int[] p = new RandomState(0).permutation(70000);
        assertThat(Arrays.copyOf(p, 10))
            .containsExactly(10840, 56267, 14849, 62726, 47180, 61640, 52730, 21847, 20394, 45806);
        assertThat(Arrays.copyOfRange(p, 69995, 70000)).containsExactly(21243, 45891, 42613, 43567, 68268);
        assertThat(Arrays.stream(p).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 70000).toArray());
    }

    @Test
    void theSagaSeedAndItsFirstSamplesMatchScikitLearn() {
        assertThat(new RandomState(0).randint(1, SagSampler.SEED_HIGH_EXCLUSIVE)).isEqualTo(209652397L);
        final SagSampler sampler = SagSampler.seededFrom(new RandomState(0), 5000);
        final int[] first = new int[10];
        for (int i = 0; i < first.length; i++) {
            first[i] = sampler.nextIndex();
        }
        assertThat(first).containsExactly(3472, 171, 2091, 3300, 3198, 1488, 575, 254, 4276, 2215);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shuffle_0_1", "shuffle_0_2", "shuffle_5_10", "shuffle_42_300", "shuffle_4294967295_17"})
    void shuffleMovesTheValuesAsNumpysLegacyShuffle(final String name) {
        final Map<String, HexFixtures.Case> fixtures = HexFixtures.read("/fixtures/kfold-fixtures.txt");
        final HexFixtures.Case c = fixtures.get(name);
        final int[] values = c.ints("before");
        new RandomState(Long.parseLong(c.header(1))).shuffle(values);
        assertThat(values).containsExactly(c.ints("after"));
    }

    @Test
    void permutationIsArangeShuffled() {
        final int[] arange = java.util.stream.IntStream.range(0, 1000).toArray();
        new RandomState(17).shuffle(arange);
        assertThat(new RandomState(17).permutation(1000)).containsExactly(arange);
    }
}
