package io.github.sparselr.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for the ARFF reader (see {@link FuzzRule}). {@code mvn verify} replays the corpus in
 * {@code src/test/resources/io/github/sparselr/io/ArffReaderFuzzTestInputs}; {@code scripts/fuzz.sh
 * ArffReaderFuzzTest#fuzzArff MINUTES} fuzzes for real.
 */
class ArffReaderFuzzTest {

    /** OpenML's NumberOfInstances for a huge dataset: a claim the reader may only use as a hint. */
    private static final int CLAIMED_ROWS = 2_147_483_000;

    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void fuzzArff(final byte[] arff) {
        FuzzRule.readsOrRejects(ArffFormatException.class,
            () -> ArffReader.readHeader(new ByteArrayInputStream(arff), "fuzz.arff"));
        FuzzRule.readsOrRejects(ArffFormatException.class,
            () -> ArffReader.read(new ByteArrayInputStream(arff), "fuzz.arff", null, CLAIMED_ROWS, () -> false));
    }

    /** The file as a user gives it: its name says gzip, its content decides. */
    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void fuzzGzipArff(final byte[] gzip) {
        final java.nio.file.Path file = FuzzRule.file("fuzz.arff.gz", gzip);
        FuzzRule.readsOrRejects(ArffFormatException.class, () -> LocalDatasets.layout(file, null, true));
        FuzzRule.readsOrRejects(ArffFormatException.class, () -> LocalDatasets.read(file, null, true, () -> false));
    }
}
