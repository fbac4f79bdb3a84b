package io.github.sparselr.linear.path;

/** How the cross-validated path chooses its C. */
public enum SelectionRule {
    /** The C with the best mean held-out accuracy (the smallest such C on ties). */
    BEST,
    /**
     * glmnet's one-standard-error rule: the smallest C (the most regularized, sparsest model) whose
     * mean accuracy is within one standard error (sd / √k) of the best mean.
     */
    ONE_STANDARD_ERROR
}
