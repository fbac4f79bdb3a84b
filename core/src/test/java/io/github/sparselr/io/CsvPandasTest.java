package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files read as pandas 1.5's {@code read_csv} reads them (the values printed by
 * {@code reference_readers.py}, "CSV ..." lines), and the CSV files sparselr refuses with a message.
 */
class CsvPandasTest {

    @TempDir
    Path dir;

    @Test
    void skipsBlankLinesInTheMiddleAndAtTheEndAsPandasDoes() throws IOException {
        // pandas: skip_blank_lines=True; once "record 3: 1 values, but the first record has 3"
        final DenseDataset data = CsvReader.read(new StringReader("a,b,c\n1,2,x\n\n3,4,y\n\n"), true, null);
        assertThat(data.labels()).containsExactly("x", "y");
        assertThat(data.values()).containsExactly(1, 2, 3, 4);
        final DenseDataset crlf = CsvReader.read(new StringReader("a,b,c\r\n1,2,x\r\n\r\n"), true, null);
        assertThat(crlf.labels()).containsExactly("x");
    }

    @Test
    void readsNumericLabelsAsPandasHoldsThem() throws IOException {
        // pandas: ['1','1.0','2'] -> float64 1.0, 1.0, 2.0; ['01','2'] -> int64 1, 2; ['1e3','2'] -> 1000.0, 2.0;
        // ['0.1','1e-5','1e17','2.5'] -> 0.1, 1e-05, 1e+17, 2.5; ['1','x'] -> object '1', 'x'
        assertThat(labels("1", "1.0", "2")).containsExactly("1.0", "1.0", "2.0");
        assertThat(labels("01", "2", "+3")).containsExactly("1", "2", "3");
        assertThat(labels("1e3", "2")).containsExactly("1000.0", "2.0");
        assertThat(labels("0.1", "1e-5", "1e17", "2.5")).containsExactly("0.1", "1e-05", "1e+17", "2.5");
        assertThat(labels("1", "x")).containsExactly("1", "x");
    }

    @Test
    void trimsBlanksAroundAnUnquotedLabelButKeepsQuotedOnes() throws IOException {
        // a decision (pandas keeps " y" as its own class): an unquoted blank after a comma is formatting
        final DenseDataset data = CsvReader.read(new StringReader("a,c\n1, y\n2,y\n3,\" y\"\n"), true, null);
        assertThat(data.labels()).containsExactly("y", "y", " y");
    }

    private static String[] labels(final String... labels) throws IOException {
        final StringBuilder csv = new StringBuilder("x,c\n");
        for (final String label : labels) {
            csv.append("0,").append(label).append('\n');
        }
        return CsvReader.read(new StringReader(csv.toString()), true, "c").labels();
    }

    @Test
    void refusesAOneColumnFileAskingWhetherTheSeparatorIsASemicolon() throws IOException {
        final Path semi = dir.resolve("semi.csv");
        Files.writeString(semi, "a;b;c\n1;2;x\n3;4;y\n");
        assertThatThrownBy(() -> LocalDatasets.read(semi, null, true, () -> false))
            .isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining(semi.toString())
            .hasMessageContaining("one column ('a;b;c')").hasMessageContaining("';' or a tab");
        assertThatThrownBy(() -> LocalDatasets.layout(semi, null, true)).hasMessageContaining("';' or a tab");
        assertThatThrownBy(() -> LocalDatasets.layout(semi, null, false)).hasMessageContaining("one column");
    }

    @Test
    void tellsThatAUtf16FileIsUtf16() {
        for (final byte[] bom : new byte[][] {{(byte) 0xff, (byte) 0xfe}, {(byte) 0xfe, (byte) 0xff}}) {
            final byte[] text = "a,b\n1,x\n".getBytes(bom[0] == (byte) 0xff ? StandardCharsets.UTF_16LE
                : StandardCharsets.UTF_16BE);
            final byte[] file = new byte[text.length + 2];
            file[0] = bom[0];
            file[1] = bom[1];
            System.arraycopy(text, 0, file, 2, text.length);
            for (final java.nio.charset.Charset encoding : new java.nio.charset.Charset[] {StandardCharsets.UTF_8,
                StandardCharsets.ISO_8859_1}) {
                assertThatThrownBy(() -> CsvReader.read(new ByteArrayInputStream(file), encoding, "u16.csv", true,
                    null)).isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining("u16.csv")
                    .hasMessageContaining("UTF-16").hasMessageContaining("as UTF-8");
            }
        }
    }

    @Test
    void takesATargetColumnNumberOnlyInAsciiDigits() throws IOException {
        assertThat(CsvReader.read(new StringReader("7,1,2\n"), false, "2").labels()).containsExactly("1");
        for (final String number : new String[] {" 2", "+2", "\u0662", "2 "}) {
            assertThatThrownBy(() -> CsvReader.read(new StringReader("7,1,2\n"), false, number))
                .as(number).hasMessageContaining("no column '" + number + "'");
        }
    }
}
