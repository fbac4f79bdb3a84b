package io.github.sparselr.io;

import java.util.List;

/**
 * The columns a dataset will have, known before reading its rows: the feature names, the target's
 * name, and the classes (sorted, as scikit-learn's {@code np.unique} orders them).
 */
public record DatasetLayout(List<String> features, String target, List<String> classes) {

    public DatasetLayout {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }
}
