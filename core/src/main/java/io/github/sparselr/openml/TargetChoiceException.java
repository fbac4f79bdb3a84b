package io.github.sparselr.openml;

import java.util.List;

/**
 * The target cannot be had as set: none was chosen and the dataset has no default target (or several),
 * or the chosen one is not among its attributes. The message names the candidates; the user must choose.
 */
public final class TargetChoiceException extends OpenMlException {

    private static final long serialVersionUID = 1L;

    private final List<String> candidates;

    public TargetChoiceException(final String message, final List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    /** The attributes that could be the target (nominal or string, neither ignored nor a row id). */
    public List<String> candidates() {
        return candidates;
    }
}
