package io.github.sparselr.openml;

import java.util.List;

/**
 * One attribute of a dataset as OpenML's {@code api/v1/json/data/features/{id}} describes it
 * ({@code data_features.feature[i]}).
 *
 * @param index its position in the ARFF file, from 0
 * @param name its name
 * @param dataType "numeric", "nominal", "string" or "date"
 * @param isTarget OpenML's default target (fetch_openml takes its targets from this flag)
 * @param isIgnore to be left out of learning
 * @param isRowIdentifier a row id, to be left out of learning
 * @param nominalValues a nominal attribute's values as OpenML lists them ({@code nominal_value}), else empty
 */
public record DatasetFeature(int index, String name, String dataType, boolean isTarget, boolean isIgnore,
    boolean isRowIdentifier, List<String> nominalValues) {

    public DatasetFeature {
        nominalValues = List.copyOf(nominalValues);
    }

    /** Whether it can be a classification target for sparselr: nominal or string. */
    public boolean canBeTarget() {
        return "nominal".equals(dataType) || "string".equals(dataType);
    }
}
