package io.github.sparselr.openml;

import io.github.sparselr.data.DenseDataset;

/**
 * A dataset read from OpenML: its description, what each attribute became, and the data (the target's
 * values as labels, the row identifiers and ignored attributes dropped).
 */
public record OpenMlDataset(DatasetDescription description, ColumnRoles roles, DenseDataset data) {
}
