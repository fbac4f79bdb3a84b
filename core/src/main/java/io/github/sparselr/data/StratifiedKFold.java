package io.github.sparselr.data;

import io.github.sparselr.random.RandomState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * k folds of labelled rows, each holding about the same share of every class: scikit-learn 1.2.1's
 * {@code StratifiedKFold(n_splits, shuffle, random_state)} with numpy's fold indices
 * ({@code sklearn/model_selection/_split.py}, {@code StratifiedKFold._make_test_folds}). The classes
 * are numbered by their first appearance in the labels; the sorted labels are dealt round-robin to the
 * folds ({@code y_order[i::n_splits]}) to fix how many rows of each class each fold holds; each class's
 * rows then get their folds in blocks, in row order, and with shuffling those fold numbers are put through
 * numpy's {@code RandomState.shuffle}, class after class, from one generator seeded once per split.
 *
 * <p>One difference, on purpose: where scikit-learn only warns that a class has fewer rows than
 * n_splits, this refuses. Such a class is missing from some held-out folds, and a class of one row is
 * missing from a training part, so a model fitted there would not know the class at all.
 */
public final class StratifiedKFold {

    private final int nSplits;
    private final boolean shuffle;
    private final long randomState;

    private StratifiedKFold(final int nSplits, final boolean shuffle, final long randomState) {
        if (nSplits < 2) {
            throw new IllegalArgumentException("k-fold cross-validation requires at least one train/test split by "
                + "setting n_splits=2 or more, got n_splits=" + nSplits + ".");
        }
        if (shuffle && (randomState < 0 || randomState > 0xffffffffL)) {
            throw new IllegalArgumentException("random_state must be in [0, 2^32 - 1], was " + randomState + ".");
        }
        this.nSplits = nSplits;
        this.shuffle = shuffle;
        this.randomState = randomState;
    }

    /**
     * {@code StratifiedKFold(n_splits, shuffle=True, random_state=randomState)}.
     *
     * @param nSplits the number of folds, at least 2
     * @param randomState the seed of numpy's RandomState, in [0, 2³²)
     */
    public static StratifiedKFold shuffled(final int nSplits, final long randomState) {
        return new StratifiedKFold(nSplits, true, randomState);
    }

    /**
     * {@code StratifiedKFold(n_splits)}: no shuffling, each class's rows go to the folds in blocks in row
     * order.
     *
     * @param nSplits the number of folds, at least 2
     */
    public static StratifiedKFold inOrder(final int nSplits) {
        return new StratifiedKFold(nSplits, false, 0);
    }

    /** {@code n_splits}: the number of folds. */
    public int nSplits() {
        return nSplits;
    }

    /** {@code shuffle}: whether each class's fold numbers are shuffled. */
    public boolean shuffle() {
        return shuffle;
    }

    /**
     * The fold in which each row is held out ({@code _make_test_folds}).
     *
     * @param labels one class label per row, none null
     * @return one fold number in [0, n_splits) per row
     * @throws IllegalArgumentException if there are fewer rows than folds, a label is missing, or a class
     *     has fewer rows than folds
     */
    public int[] testFolds(final String[] labels) {
        final int n = checkRowCount(labels);
        // y_encoded: the classes numbered by first appearance, as _make_test_folds numbers them
        final Map<String, Integer> codes = new LinkedHashMap<>();
        final int[] encoded = new int[n];
        for (int i = 0; i < n; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("Row " + i + " has no class label; stratified folds need one "
                    + "label per row: remove or fill the rows without a label.");
            }
            encoded[i] = codes.computeIfAbsent(labels[i], label -> codes.size());
        }
        final int classes = codes.size();
        final int[] counts = new int[classes];
        for (final int code : encoded) {
            counts[code]++;
        }
        checkClassCounts(new ArrayList<>(codes.keySet()), counts);

        // allocation[i][k]: the rows of class k in fold i, from the sorted codes dealt round-robin
        final int[][] allocation = new int[nSplits][classes];
        int position = 0;
        for (int k = 0; k < classes; k++) {
            for (int c = 0; c < counts[k]; c++, position++) {
                allocation[position % nSplits][k]++;
            }
        }

        final RandomState random = shuffle ? new RandomState(randomState) : null;
        final int[][] rowsOfClass = rowsOfClass(encoded, counts);
        final int[] testFolds = new int[n];
        for (int k = 0; k < classes; k++) {
            // np.arange(n_splits).repeat(allocation[:, k]), shuffled, then written to the class's rows in order
            final int[] foldsForClass = new int[counts[k]];
            int next = 0;
            for (int fold = 0; fold < nSplits; fold++) {
                for (int c = 0; c < allocation[fold][k]; c++) {
                    foldsForClass[next++] = fold;
                }
            }
            if (random != null) {
                random.shuffle(foldsForClass);
            }
            final int[] rows = rowsOfClass[k];
            for (int r = 0; r < rows.length; r++) {
                testFolds[rows[r]] = foldsForClass[r];
            }
        }
        return testFolds;
    }

    /**
     * The folds as {@code split} yields them: fold i holds out the rows {@link #testFolds} puts in fold
     * i, and trains on all others, both in increasing row order.
     *
     * @param labels one class label per row, none null
     * @throws IllegalArgumentException as {@link #testFolds}
     */
    public List<Fold> split(final String[] labels) {
        final int[] testFolds = testFolds(labels);
        final int[] sizes = new int[nSplits];
        for (final int fold : testFolds) {
            sizes[fold]++;
        }
        final List<Fold> folds = new ArrayList<>(nSplits);
        for (int fold = 0; fold < nSplits; fold++) {
            final int[] test = new int[sizes[fold]];
            final int[] train = new int[testFolds.length - sizes[fold]];
            int t = 0;
            int r = 0;
            for (int row = 0; row < testFolds.length; row++) {
                if (testFolds[row] == fold) {
                    test[t++] = row;
                } else {
                    train[r++] = row;
                }
            }
            folds.add(new Fold(train, test));
        }
        return folds;
    }

    /**
     * One fold's rows.
     *
     * @param train the rows to fit on, increasing
     * @param test the held-out rows, increasing
     */
    public record Fold(int[] train, int[] test) {
    }

    private int checkRowCount(final String[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("Stratified folds need class labels; the data has none.");
        }
        if (nSplits > labels.length) {
            throw new IllegalArgumentException("Cannot have number of splits n_splits=" + nSplits + " greater than "
                + "the number of samples: n_samples=" + labels.length + ".");
        }
        return labels.length;
    }

    private void checkClassCounts(final List<String> classes, final int[] counts) {
        int least = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] < counts[least]) {
                least = k;
            }
        }
        int largest = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[largest]) {
                largest = k;
            }
        }
        if (counts[largest] < nSplits) {
            throw new IllegalArgumentException("n_splits=" + nSplits + " cannot be greater than the number of "
                + "members in each class.");
        }
        if (counts[least] < nSplits) {
            // scikit-learn only warns here ("The least populated class in y has only ... members")
            int small = 0;
            for (final int count : counts) {
                small += count < nSplits ? 1 : 0;
            }
            final String others = small == 1 ? "" : " (" + small + " classes have fewer than " + nSplits + " rows)";
            final String fix = counts[least] < 2
                ? "Remove the class or merge it into another: cross-validation needs at least 2 rows of each class."
                : "Use at most " + counts[least] + " folds, or remove or merge the classes with fewer than " + nSplits
                    + " rows.";
            throw new IllegalArgumentException("The class '" + classes.get(least) + "' has only " + counts[least]
                + (counts[least] == 1 ? " row" : " rows") + ", fewer than the " + nSplits + " folds (n_splits)" + others
                + ": some folds would hold none of it, and a model fitted without it cannot score it. " + fix);
        }
    }

    private static int[][] rowsOfClass(final int[] encoded, final int[] counts) {
        final int[][] rows = new int[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            rows[k] = new int[counts[k]];
        }
        final int[] filled = new int[counts.length];
        for (int i = 0; i < encoded.length; i++) {
            rows[encoded[i]][filled[encoded[i]]++] = i;
        }
        return rows;
    }
}
