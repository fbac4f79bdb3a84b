package io.github.sparselr.linear.path;

/**
 * The cross-validated scores of one value of C: over the k held-out folds, the mean and the standard
 * deviation (numpy's {@code std}, ddof = 0, as scikit-learn's {@code GridSearchCV} reports
 * {@code std_test_score}) of accuracy and of mean log loss.
 */
public record CvScores(double accuracyMean, double accuracySd, double logLossMean, double logLossSd) {
}
