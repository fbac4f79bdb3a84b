package io.github.sparselr.linear.path;

/** How the cross-validated path chooses its C. */
public enum SelectionRule {
    /** The C with the best mean held-out accuracy (the smallest such C on ties). */
    BEST,
    /**
     * glmnet's one-standard-error rule: the smallest C (the most regularized, sparsest model) whose
     * mean accuracy is within one standard error of the best mean; the standard error is the one
     * glmnet's {@code cv.glmnet} reports as {@code cvsd}, √(Σ (xᵢ − mean)² / (k (k − 1))) over the k
     * folds' scores of the best C.
     */
    ONE_STANDARD_ERROR
}
