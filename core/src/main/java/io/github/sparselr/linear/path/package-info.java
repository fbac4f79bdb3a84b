/**
 * Regularization paths: one logistic model per value of C, warm-started along the grid, with each
 * fit's objective and distance to the optimum, and k-fold cross-validation to choose C.
 *
 * <p>{@link io.github.sparselr.linear.path.CGrid} makes the grid (log-spaced as numpy's
 * {@code logspace}, or automatic from the smallest C with a non-zero weight);
 * {@link io.github.sparselr.linear.path.SagaPathSolver} fits it by SAGA as scikit-learn 1.2.1's
 * {@code warm_start} refits would; {@link io.github.sparselr.linear.path.Objectives} gives every fit's
 * objective and optimality violation ({@code docs/saga.md} §14).
 *
 * <p>{@link io.github.sparselr.linear.path.CrossValidatedPath} runs a {@link
 * io.github.sparselr.linear.path.PathSolver} on each fold of {@link io.github.sparselr.data.StratifiedKFold}
 * and on all rows, as k + 1 tasks on a pool of its own; the scores are combined in fold order, so the
 * result does not depend on the number of threads.
 */
package io.github.sparselr.linear.path;
