package io.github.sparselr.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the CSV reader (see {@link FuzzRule}): the bytes as UTF-8 with a header and the last
 * column as labels, and as windows-1252 without a header and the first column as labels.
 */
class CsvReaderFuzzTest {

    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void fuzzCsv(final byte[] csv) {
        FuzzRule.readsOrRejects(CsvReader.CsvFormatException.class,
            () -> CsvReader.read(new ByteArrayInputStream(csv), StandardCharsets.UTF_8, "fuzz.csv", true, null));
        FuzzRule.readsOrRejects(CsvReader.CsvFormatException.class,
            () -> CsvReader.read(new ByteArrayInputStream(csv), Charset.forName("windows-1252"), "fuzz.csv", false,
                "1"));
    }
}
