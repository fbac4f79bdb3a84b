package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text encodings of CSV files (docs/reliability.md, "Local files"). The expected values are pandas'
 * {@code read_csv} with the same encoding; {@code src/test/resources/io/github/sparselr/io/reference_readers.py}
 * prints them.
 */
class CsvEncodingTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private static final byte[] LATIN1_CAFES = "x,class\n1,caf\u00e9\n2,caf\u00e8\n"
        .getBytes(StandardCharsets.ISO_8859_1);

    private Path file(final String name, final byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void stripsTheByteOrderMarkThatExcelWritesAsPandasDoes() throws IOException {
        // Excel's "CSV UTF-8": the mark stayed glued to the first name, so the target 'a' was "not found"
        final Path csv = file("excel.csv", "\ufeffa,b,class\nx,2,1\ny,4,2\n".getBytes(StandardCharsets.UTF_8));
        final DenseDataset data = LocalDatasets.read(csv, "a", true, () -> false);
        assertThat(data.columnNames()).containsExactly("b", "class");
        assertThat(data.labels()).containsExactly("x", "y");
    }

    @Test
    void rejectsLatin1BytesReadAsUtf8NamingTheLine() throws IOException {
        // once decoded with replacement characters: "café" and "cafè" became one class, exit 0
        final Path csv = file("latin1.csv", LATIN1_CAFES);
        assertThatThrownBy(() -> LocalDatasets.read(csv, "class", true, () -> false))
            .isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining("latin1.csv, line 2")
            .hasMessageContaining("byte E9 is not UTF-8").hasMessageContaining("encoding");
    }

    @Test
    void readsLatin1AndWindows1252WithTheEncodingSetting() throws IOException {
        final Path latin1 = file("latin1.csv", LATIN1_CAFES);
        assertThat(LocalDatasets.read(latin1, "class", true, StandardCharsets.ISO_8859_1, () -> false).labels())
            .containsExactly("caf\u00e9", "caf\u00e8");
        final Path windows = file("euro.csv", "x,class\n1,\u20acuro\n2,caf\u00e9\n".getBytes(WINDOWS_1252));
        assertThat(LocalDatasets.read(windows, "class", true, WINDOWS_1252, () -> false).labels())
            .containsExactly("\u20acuro", "caf\u00e9");
    }

    @Test
    void rejectsBytesWindows1252LeavesUndefined() throws IOException {
        // pandas: UnicodeDecodeError "'charmap' codec can't decode byte 0x81"
        final Path csv = file("undefined.csv", "x,c\n1,a\n2,\u0081\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> LocalDatasets.read(csv, "c", true, WINDOWS_1252, () -> false))
            .isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining("line 3")
            .hasMessageContaining("byte 81 is not windows-1252");
    }

    @Test
    void findsTheLineOfABadByteFarIntoTheFile() throws IOException {
        // the decoder reads ahead in blocks: the line must still be the one that holds the byte
        final StringBuilder text = new StringBuilder("x,class\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",a\n");
        }
        final byte[] bytes = (text + "1,caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LocalDatasets.read(file("long.csv", bytes), "class", true, () -> false))
            .hasMessageContaining("line 20002");
    }

    @Test
    void readsAGzipCompressedCsvByItsContent() throws IOException {
        final byte[] packed = IdxReaderTest.gzip("x,class\n1,a\n".getBytes(StandardCharsets.UTF_8));
        assertThat(LocalDatasets.read(file("packed.csv", packed), "class", true, () -> false).labels())
            .containsExactly("a");
    }
}
