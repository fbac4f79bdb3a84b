package io.github.sparselr.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sparselr.io.LocalDatasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target's name travels with the dataset from the reader: nothing downstream has to guess it. */
class DatasetTargetNameTest {

    @TempDir
    Path dir;

    @Test
    void aCsvFileKeepsItsLabelColumnsName() throws IOException {
        final Path file = dir.resolve("digits.csv");
        Files.writeString(file, "p1,p2,digit\n0,1,7\n1,0,3\n");
        assertThat(LocalDatasets.read(file, null, true, () -> false).targetName()).isEqualTo("digit");
        assertThat(LocalDatasets.read(file, "p1", true, () -> false).targetName()).isEqualTo("p1");
        assertThat(LocalDatasets.read(file, "3", true, () -> false).targetName()).isEqualTo("digit");
    }

    @Test
    void anArffFileKeepsItsTargetAttributesName() throws IOException {
        final Path file = dir.resolve("t.arff");
        Files.writeString(file, "@relation t\n@attribute x numeric\n@attribute species {a,b}\n@data\n1,a\n2,b\n");
        assertThat(LocalDatasets.read(file, null, true, () -> false).targetName()).isEqualTo("species");
    }

    @Test
    void idxFilesNameTheirTargetAsMnist784Does() throws IOException {
        writeIdx("train-images-idx3-ubyte", new int[] {1, 1, 1}, new byte[] {5});
        writeIdx("train-labels-idx1-ubyte", new int[] {1}, new byte[] {2});
        writeIdx("t10k-images-idx3-ubyte", new int[] {1, 1, 1}, new byte[] {6});
        writeIdx("t10k-labels-idx1-ubyte", new int[] {1}, new byte[] {3});
        assertThat(LocalDatasets.read(dir, null, true, () -> false).targetName()).isEqualTo("class");
    }

    @Test
    void selectingRowsOrColumnsAndNewValuesKeepTheName() {
        final DenseDataset data = DenseDataset.of(new double[] {1, 2, 3, 4}, 2, List.of("a", "b"),
            new String[] {"x", "y"}, "label");
        assertThat(data.select(new int[] {1}).targetName()).isEqualTo("label");
        assertThat(data.withValues(new double[] {0, 0, 0, 0}).targetName()).isEqualTo("label");
        final DenseDataset onlyB = data.withoutColumns(List.of("a", "nope"));
        assertThat(onlyB.targetName()).isEqualTo("label");
        assertThat(onlyB.columnNames()).containsExactly("b");
        assertThat(onlyB.values()).containsExactly(2, 4);
    }

    private void writeIdx(final String name, final int[] dims, final byte[] data) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 8, (byte) dims.length});
        for (final int d : dims) {
            out.writeBytes(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        }
        out.writeBytes(data);
        Files.write(dir.resolve(name), out.toByteArray());
    }
}
