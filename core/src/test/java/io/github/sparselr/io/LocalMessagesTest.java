package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local readers say about input they refuse: the file, the line and the text at fault. */
class LocalMessagesTest {

    @TempDir
    Path dir;

    private static final String HEADER = "@relation r\n@attribute x numeric\n@attribute c {x,y}\n@data\n";

    private static void read(final String arff) throws java.io.IOException {
        ArffReader.read(new ByteArrayInputStream(arff.getBytes(StandardCharsets.UTF_8)), "r.arff", null, 0,
            () -> false);
    }

    @Test
    void namesTheSurplusTextOfAnArffRow() {
        // once "found '' after the last"
        assertThatThrownBy(() -> read(HEADER + "1,x,extra\n")).isInstanceOf(ArffFormatException.class)
            .hasMessageContaining("r.arff, line 5").hasMessageContaining("',extra' follows the last, 'c'");
        assertThatThrownBy(() -> read(HEADER + "1,x,{1}\n")).hasMessageContaining("',{1}' follows the last");
    }

    @Test
    void refusesArffAttributeNamesThatDifferOnlyByBlanksNamingBoth() {
        // KNIME trims names: once "Duplicate column name "a" at positions 1 and 1." from the table spec
        assertThatThrownBy(() -> read("@relation r\n@attribute ' a' numeric\n@attribute a numeric\n"
            + "@attribute c {x}\n@data\n1,2,x\n")).isInstanceOf(ArffFormatException.class)
            .hasMessageContaining("r.arff, line 3").hasMessageContaining("'a'").hasMessageContaining("' a' on line 2")
            .hasMessageContaining("rename one");
        assertThatThrownBy(() -> CsvReader.read(new StringReader("\" a\",a,c\n1,2,x\n"), true, null))
            .hasMessageContaining("'a' appears twice");
    }

    @Test
    void saysAGzipFileIsCutShortWithoutANullDetail() throws Exception {
        final Path cut = dir.resolve("cut.arff");
        Files.write(cut, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        assertThatThrownBy(() -> LocalDatasets.read(cut, null, true, () -> false)).isInstanceOf(ArffFormatException.class)
            .hasMessageContaining("damaged or cut short").satisfies(e -> assertThat(e.getMessage())
                .doesNotContain("null"));
    }
}
