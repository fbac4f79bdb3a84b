package io.github.sparselr.openml;

/**
 * What OpenML's {@code api/v1/json/data/{id}} says about a dataset ({@code data_set_description}).
 *
 * @param id the dataset id ({@code did}), e.g. 554 for mnist_784
 * @param name its name
 * @param version its version
 * @param fileId the ARFF file's id
 * @param url where the ARFF file is, or null (then the server's {@code data/v1/download/{fileId}})
 * @param md5 the MD5 of the uncompressed ARFF bytes, lower-case hex
 * @param format e.g. "ARFF" or "Sparse_ARFF"
 * @param defaultTarget the default target attribute, or null
 * @param status e.g. "active"
 */
public record DatasetDescription(int id, String name, int version, String fileId, String url, String md5,
    String format, String defaultTarget, String status) {
}
