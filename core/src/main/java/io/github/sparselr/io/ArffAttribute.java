package io.github.sparselr.io;

import java.util.List;

/**
 * One {@code @attribute} of an ARFF header.
 *
 * @param name the attribute's name, unquoted
 * @param kind numeric (numeric, real, integer), nominal ({v1, v2, …}) or string
 * @param nominalValues the declared values of a nominal attribute, in order; empty otherwise
 */
public record ArffAttribute(String name, Kind kind, List<String> nominalValues) {

    /** What an attribute holds. */
    public enum Kind {
        NUMERIC, NOMINAL, STRING
    }

    public ArffAttribute {
        nominalValues = List.copyOf(nominalValues);
    }
}
