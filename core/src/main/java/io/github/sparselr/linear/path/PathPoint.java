package io.github.sparselr.linear.path;

import io.github.sparselr.linear.LogisticModel;

/**
 * One value of C on a regularization path and the model fitted there.
 *
 * @param c the inverse regularization strength of this fit
 * @param model the fitted model (warm-started from the previous point's model, if any)
 * @param convergence the objective, optimality violation, iterations and stopping of this fit
 * @param fitNanos the wall time of this fit alone, in nanoseconds
 */
public record PathPoint(double c, LogisticModel model, Convergence convergence, long fitNanos) {
}
