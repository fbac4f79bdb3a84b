package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout of a local file from its header alone: what configure reads. */
class LocalLayoutTest {

    @TempDir
    Path dir;

    @Test
    void tellsACsvFilesColumnsFromItsFirstLineWithoutReadingTheRows() throws IOException {
        final Path file = dir.resolve("t.csv");
        // the second row is broken: reading the rows would fail
        Files.writeString(file, "a,b,label,c\n1,2,x,3\nnot a row\n");
        final DatasetLayout layout = LocalDatasets.layout(file, "label", true);
        assertThat(layout.features()).containsExactly("a", "b", "c");
        assertThat(layout.target()).isEqualTo("label");
        assertThat(layout.classes()).isEmpty();
        final DatasetLayout numbered = LocalDatasets.layout(file, "2", false);
        assertThat(numbered.features()).containsExactly("column1", "column3", "column4");
        assertThat(numbered.target()).isEqualTo("column2");
        assertThat(LocalDatasets.layout(file, "", true).target()).isEqualTo("c");
        assertThatThrownBy(() -> LocalDatasets.layout(file, "klass", true)).hasMessageContaining("no column 'klass'");
    }

    @Test
    void tellsAnArffFilesLayoutFromItsHeaderWithoutReadingTheData() throws IOException {
        final Path file = dir.resolve("t.arff");
        Files.writeString(file, "@relation t\n@attribute x numeric\n@attribute class {b,a,c}\n@data\nnot,an,arff,row\n");
        final DatasetLayout layout = LocalDatasets.layout(file, null, true);
        assertThat(layout.features()).containsExactly("x");
        assertThat(layout.classes()).containsExactly("a", "b", "c");
    }

    @Test
    void leavesAnIdxFoldersClassesToExecuteWhereItsLabelFilesAreLarge() throws IOException {
        final int images = 17 << 20;
        // one pixel per image, so that the image file's length agrees with its header, which is checked
        idx("train-images-idx3-ubyte", new int[] {images, 1, 1}, images);
        idx("train-labels-idx1-ubyte", new int[] {images}, images);
        idx("t10k-images-idx3-ubyte", new int[] {1, 1, 1}, 1);
        idx("t10k-labels-idx1-ubyte", new int[] {1}, 1);
        final DatasetLayout layout = LocalDatasets.layout(dir, null, true);
        assertThat(layout.features()).containsExactly("pixel1");
        assertThat(layout.target()).isEqualTo("class");
        assertThat(layout.classes()).isEmpty();
        // small label files are read: their classes are known
        idx("train-labels-idx1-ubyte", new int[] {1}, 1);
        assertThat(LocalDatasets.layout(dir, null, true).classes()).containsExactly("0");
    }

    /** An IDX file of unsigned bytes with these dimensions and {@code bytes} zero bytes of data. */
    private void idx(final String name, final int[] dims, final int bytes) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            out.write(new byte[] {0, 0, 8, (byte) dims.length});
            for (final int d : dims) {
                out.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
            }
            out.write(new byte[bytes]);
        }
    }

    @Test
    void refusesToReadMoreThan16MiBLookingForAHeader() throws IOException {
        final Path arff = dir.resolve("no-data-line.arff");
        final Path csv = dir.resolve("one-line.csv");
        final byte[] chunk = "% a comment line that never ends the header\n".repeat(1000).getBytes(
            StandardCharsets.US_ASCII);
        final byte[] cells = "1,".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream a = Files.newOutputStream(arff); OutputStream c = Files.newOutputStream(csv)) {
            a.write("@relation t\n".getBytes(StandardCharsets.US_ASCII));
            for (long n = 0; n < (17L << 20); n += chunk.length) {
                a.write(chunk);
            }
            for (long n = 0; n < (17L << 20); n += cells.length) {
                c.write(cells);
            }
        }
        assertThatThrownBy(() -> LocalDatasets.layout(arff, null, true)).isInstanceOf(IOException.class)
            .hasMessageContaining("'no-data-line.arff' has no end of its header within its first 16 MiB");
        assertThatThrownBy(() -> LocalDatasets.layout(csv, null, true)).isInstanceOf(IOException.class)
            .hasMessageContaining("'one-line.csv' has no end of its header within its first 16 MiB");
    }
}
