package io.github.sparselr.linear;

import java.util.Arrays;
import java.util.Locale;

/** The regularization of a logistic regression, named as scikit-learn's {@code penalty}. */
public enum Penalty {
    NONE("none"), L1("l1"), L2("l2"), ELASTICNET("elasticnet");

    private final String sklearnName;

    Penalty(final String sklearnName) {
        this.sklearnName = sklearnName;
    }

    /** scikit-learn's name of the penalty. */
    public String sklearnName() {
        return sklearnName;
    }

    /** Parses scikit-learn's name ("l1", "l2", "elasticnet", "none"), case-insensitively. */
    public static Penalty parse(final String name) {
        for (final Penalty p : values()) {
            if (p.sklearnName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("penalty must be one of " + Arrays.toString(
            Arrays.stream(values()).map(Penalty::sklearnName).toArray()) + ", was '" + name + "'.");
    }

    @Override
    public String toString() {
        return sklearnName;
    }
}
