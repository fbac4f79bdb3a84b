package io.github.sparselr.linear.path;

/**
 * How close one fit came to the optimum of its problem, so a user can tell whether a model's sparsity
 * belongs to the penalized problem or to early stopping.
 *
 * @param objective the penalized objective in scikit-learn's scaling divided by {@code C·n}: mean log
 *            loss over the rows plus the penalty divided by {@code C·n} (for L1, {@code ‖W‖₁ / (C·n)})
 * @param optimalityViolation the largest violation of the optimality (KKT) conditions of that objective
 *            over all weights and intercepts, in the objective's units per weight; 0 at the optimum
 * @param nIter the epochs (SAGA) or outer iterations (other solvers) the fit ran
 * @param converged whether the solver's own stopping rule was met within max_iter
 */
public record Convergence(double objective, double optimalityViolation, int nIter, boolean converged) {
}
