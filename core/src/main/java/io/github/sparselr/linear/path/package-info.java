/**
 * Regularization paths: one logistic model per value of C, warm-started along the grid, with each
 * fit's objective and distance to the optimum, and k-fold cross-validation to choose C.
 */
package io.github.sparselr.linear.path;
