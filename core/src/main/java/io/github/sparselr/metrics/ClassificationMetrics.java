package io.github.sparselr.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How well predicted labels match actual ones, with scikit-learn's definitions: the confusion matrix
 * (rows actual, columns predicted, labels sorted), accuracy, per-class precision, recall and F1
 * ({@code zero_division=0}), support, specificity, and Cohen's kappa. Immutable.
 */
public final class ClassificationMetrics {

    private final List<String> labels;
    private final long[] confusion;
    private final long total;

    private ClassificationMetrics(final List<String> labels, final long[] confusion, final long total) {
        this.labels = labels;
        this.confusion = confusion;
        this.total = total;
    }

    /** Scores predictions; the labels are the sorted union of both arrays, as scikit-learn's default. */
    public static ClassificationMetrics of(final String[] actual, final String[] predicted) {
        final TreeSet<String> all = new TreeSet<>(Arrays.asList(actual));
        all.addAll(Arrays.asList(predicted));
        return of(actual, predicted, List.copyOf(all));
    }

    /**
     * Scores predictions over the given labels, in their order, as scikit-learn's
     * {@code confusion_matrix(y_true, y_pred, labels=labels)}: a label no row holds gets a row and a
     * column of zeros. Unlike scikit-learn, which leaves rows of other labels out of the matrix, a row
     * whose label is not listed is an error, so every row is counted.
     *
     * @throws IllegalArgumentException on arrays of different lengths, no rows, repeated labels, or a
     *     row whose actual or predicted label is not in {@code labels}
     */
    public static ClassificationMetrics of(final String[] actual, final String[] predicted,
        final List<String> labels) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("There are " + actual.length + " actual and " + predicted.length
                + " predicted labels; score needs one prediction per row.");
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("There is nothing to score: no rows.");
        }
        final Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (index.put(labels.get(i), i) != null) {
                throw new IllegalArgumentException("The label '" + labels.get(i) + "' is listed twice in " + labels
                    + "; list each label once.");
            }
        }
        final int k = labels.size();
        final long[] confusion = new long[k * k];
        for (int i = 0; i < actual.length; i++) {
            final Integer a = index.get(actual[i]);
            final Integer p = index.get(predicted[i]);
            if (a == null || p == null) {
                throw new IllegalArgumentException("Row " + i + " has the " + (a == null ? "actual" : "predicted")
                    + " label '" + (a == null ? actual[i] : predicted[i]) + "', which is not among the labels "
                    + labels + ".");
            }
            confusion[a * k + p]++;
        }
        return new ClassificationMetrics(List.copyOf(labels), confusion, actual.length);
    }

    /** The labels of the rows and columns of the confusion matrix: sorted, or in the order given. */
    public List<String> labels() {
        return labels;
    }

    /** The count of rows of actual class {@code actual} predicted as {@code predicted}. */
    public long count(final int actual, final int predicted) {
        return confusion[actual * labels.size() + predicted];
    }

    public long total() {
        return total;
    }

    public long correct() {
        long correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += count(i, i);
        }
        return correct;
    }

    public double accuracy() {
        return (double) correct() / total;
    }

    public long truePositives(final int c) {
        return count(c, c);
    }

    public long falsePositives(final int c) {
        long sum = 0;
        for (int a = 0; a < labels.size(); a++) {
            sum += a == c ? 0 : count(a, c);
        }
        return sum;
    }

    public long falseNegatives(final int c) {
        long sum = 0;
        for (int p = 0; p < labels.size(); p++) {
            sum += p == c ? 0 : count(c, p);
        }
        return sum;
    }

    public long trueNegatives(final int c) {
        return total - truePositives(c) - falsePositives(c) - falseNegatives(c);
    }

    /** Rows whose actual class is {@code c}. */
    public long support(final int c) {
        return truePositives(c) + falseNegatives(c);
    }

    /** TP / (TP + FP), 0 when nothing was predicted as {@code c}. */
    public double precision(final int c) {
        return ratio(truePositives(c), truePositives(c) + falsePositives(c));
    }

    /** TP / (TP + FN), also called sensitivity; 0 when {@code c} never occurs. */
    public double recall(final int c) {
        return ratio(truePositives(c), support(c));
    }

    /** TN / (TN + FP); 0 when every row is of class {@code c}. */
    public double specificity(final int c) {
        return ratio(trueNegatives(c), trueNegatives(c) + falsePositives(c));
    }

    /** The harmonic mean of precision and recall, evaluated as scikit-learn does; 0 when both are 0. */
    public double f1(final int c) {
        final double p = precision(c);
        final double r = recall(c);
        final double denominator = p + r;
        return denominator == 0 ? 0.0 : 2 * p * r / denominator;
    }

    /** Cohen's kappa: agreement beyond chance, 1 − observed disagreement / expected disagreement. */
    public double cohensKappa() {
        final int k = labels.size();
        final long[] predictedSums = new long[k];
        final long[] actualSums = new long[k];
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                predictedSums[p] += count(a, p);
                actualSums[a] += count(a, p);
            }
        }
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    observed += count(i, j);
                    expected += (double) (predictedSums[i] * actualSums[j]) / total;
                }
            }
        }
        return 1 - observed / expected;
    }

    /**
     * scikit-learn 1.2.1's {@code log_loss}: probabilities clipped to [eps, 1 − eps] with eps the
     * float64 machine epsilon ({@code eps="auto"}), rows renormalized, the mean of −log p(actual class).
     *
     * @param probabilities row-major, one column per class of {@code classes}
     */
    public static double logLoss(final String[] actual, final double[] probabilities, final List<String> classes) {
        final int k = classes.size();
        if (probabilities.length != actual.length * k) {
            throw new IllegalArgumentException("log loss needs " + k + " probabilities per row for " + actual.length
                + " rows, got " + probabilities.length + " values.");
        }
        final double eps = Math.ulp(1.0);
        final List<Double> losses = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            final int y = classes.indexOf(actual[i]);
            if (y < 0) {
                throw new IllegalArgumentException("Row " + i + " has the class '" + actual[i]
                    + "', which is not among the model's classes " + classes + ".");
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += clip(probabilities[i * k + c], eps);
            }
            losses.add(-Math.log(clip(probabilities[i * k + y], eps) / sum));
        }
        double total = 0;
        for (final double loss : losses) {
            total += loss;
        }
        return total / actual.length;
    }

    private static double clip(final double p, final double eps) {
        return Math.min(Math.max(p, eps), 1 - eps);
    }

    private static double ratio(final long numerator, final long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
