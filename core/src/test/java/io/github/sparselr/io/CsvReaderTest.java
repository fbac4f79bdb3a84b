package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsAHeaderAndALabelColumnByName() throws IOException {
        final DenseDataset data = CsvReader.read(new StringReader("x,label,\"y, quoted\"\n1,a,2.5\n3,\"b c\",?\n"),
            true, "label");
        assertThat(data.columnNames()).containsExactly("x", "y, quoted");
        assertThat(data.labels()).containsExactly("a", "b c");
        assertThat(data.values()).containsExactly(1, 2.5, 3, Double.NaN);
    }

    @Test
    void readsWithoutAHeaderTakingTheLabelByNumberOrTheLastColumn() throws IOException {
        final DenseDataset byNumber = CsvReader.read(new StringReader("7,1,2\n8,3,4\n"), false, "1");
        assertThat(byNumber.labels()).containsExactly("7", "8");
        assertThat(byNumber.columnNames()).containsExactly("column2", "column3");
        final DenseDataset last = CsvReader.read(new StringReader("1,2,yes\n3,4,no\n"), false, null);
        assertThat(last.labels()).containsExactly("yes", "no");
        assertThat(last.values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void namesTheRecordAndColumnOfBadInput() {
        assertThatThrownBy(() -> CsvReader.read(new StringReader("a,b,c\n1,2,x\n3,4\n"), true, "c"))
            .hasMessageContaining("record 3: 2 values, but the first record has 3");
        assertThatThrownBy(() -> CsvReader.read(new StringReader("a,b,c\n1,two,x\n"), true, "c"))
            .hasMessageContaining("record 2, column 'b': 'two' is not a number");
        assertThatThrownBy(() -> CsvReader.read(new StringReader("a,b\n1,2\n"), true, "z"))
            .hasMessageContaining("no column 'z'");
        assertThatThrownBy(() -> CsvReader.read(new StringReader(""), true, null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvReader.read(new StringReader("a,b\n1,\n"), true, "b"))
            .hasMessageContaining("no label");
        assertThatThrownBy(() -> CsvReader.read(new StringReader("a,b\n1,\"open\n"), true, "b"))
            .hasMessageContaining("cannot be parsed");
    }

    @Test
    void rejectsAColumnNamedTwice() {
        // KNIME tables need unique column names; pandas would rename the second "a" to "a.1"
        assertThatThrownBy(() -> CsvReader.read(new StringReader("a,a,c\n1,2,x\n"), true, "c"))
            .isInstanceOf(CsvReader.CsvFormatException.class).hasMessageContaining("'a' appears twice");
    }
}
