package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sparselr.data.DenseDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ArffReaderTest {

    private static DenseDataset read(final String arff, final String target) throws IOException {
        return ArffReader.read(new ByteArrayInputStream(arff.getBytes(StandardCharsets.UTF_8)), target, 0, () -> false);
    }

    private static final String HEADER = "% a comment\n@RELATION 'tiny set'\n\n"
        + "@attribute 'pixel 1' numeric\n@ATTRIBUTE colour {red, 'dark blue', green}\n"
        + "@attribute weight REAL\n@attribute class {0,1,2}\n@data\n";

    @Test
    void readsDenseRowsWithQuotesCommentsAndMissingValues() throws IOException {
        final DenseDataset data = read(HEADER + "1.5,red,-2e-1,2\n% between rows\n\n"
            + "0, 'dark blue' , 3 , 0 \n?,green,7,1 % trailing comment\n", null);
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.columnNames()).containsExactly("pixel 1", "colour", "weight");
        assertThat(data.labels()).containsExactly("2", "0", "1");
        assertThat(data.values()).containsExactly(1.5, 0, -0.2, 0, 1, 3, Double.NaN, 2, 7);
    }

    @Test
    void readsSparseRowsWhereOmittedValuesAreZero() throws IOException {
        final DenseDataset data = read(HEADER + "{0 4, 3 1}\n{1 green, 2 0.25}\n", null);
        assertThat(data.values()).containsExactly(4, 0, 0, 0, 2, 0.25);
        assertThat(data.labels()).containsExactly("1", "0");
    }

    @Test
    void choosesATargetByNameIncludingAStringOne() throws IOException {
        final String arff = "@relation r\n@attribute id string\n@attribute x numeric\n@attribute c {a,b}\n@data\n"
            + "'first one',1,a\nsecond,2,b\n";
        final DenseDataset data = read(arff, "id");
        assertThat(data.labels()).containsExactly("first one", "second");
        assertThat(data.columnNames()).containsExactly("x", "c");
        assertThat(data.values()).containsExactly(1, 0, 2, 1);
    }

    @Test
    void convertsNumbersExactlyLikeDoubleParseDouble() throws IOException {
        final String[] texts = {"0.1", "123456789012345", "1234567890123456789", "0.30000000000000004", "-0", "1e-7",
            "2.5E+10", "007", "0.000123", "9007199254740993", "3.141592653589793"};
        final StringBuilder arff = new StringBuilder("@relation n\n@attribute v numeric\n@attribute c {x}\n@data\n");
        for (final String t : texts) {
            arff.append(t).append(",x\n");
        }
        final double[] values = read(arff.toString(), null).values();
        for (int i = 0; i < texts.length; i++) {
            assertThat(Double.doubleToRawLongBits(values[i])).as(texts[i])
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(texts[i])));
        }
    }

    @Test
    void namesTheLineAndAttributeOfBadValues() {
        assertThatThrownBy(() -> read(HEADER + "1,red,2,0\n1,red,x2,0\n", null))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("line 10").hasMessageContaining("'weight'")
            .hasMessageContaining("'x2' is not a number");
        assertThatThrownBy(() -> read(HEADER + "1,purple,2,0\n", null))
            .hasMessageContaining("'colour'").hasMessageContaining("'purple' is not one of its declared values");
        assertThatThrownBy(() -> read(HEADER + "1,red,2\n", null)).hasMessageContaining("line 9")
            .hasMessageContaining("ends after 3 values").hasMessageContaining("'class'");
        assertThatThrownBy(() -> read(HEADER + "1,red,2,0,5\n", null)).hasMessageContaining("more than 4 values");
        assertThatThrownBy(() -> read(HEADER + "1,red,2,?\n", null)).hasMessageContaining("target 'class' is missing");
        assertThatThrownBy(() -> read(HEADER + "1,red,2,7\n", null)).hasMessageContaining("'7' is not one of");
    }

    @Test
    void rejectsHeadersItCannotUse() {
        assertThatThrownBy(() -> read("@relation r\n@attribute d date\n@data\n", null))
            .hasMessageContaining("'date'").hasMessageContaining("cannot read");
        assertThatThrownBy(() -> read("@relation r\n@attribute x numeric\n", null)).hasMessageContaining("@data");
        assertThatThrownBy(() -> read(HEADER, "nope")).hasMessageContaining("no attribute 'nope'");
        assertThatThrownBy(() -> read(HEADER, "weight")).hasMessageContaining("numeric");
        assertThatThrownBy(() -> read("@relation r\n@attribute x numeric\n@data\n1\n", null))
            .hasMessageContaining("no nominal attribute");
        assertThatThrownBy(() -> read("<html>not arff</html>\n", null)).hasMessageContaining("expected @relation");
        assertThatThrownBy(() -> read("@relation r\n@attribute s string\n@attribute c {a}\n@data\nx,a\n", "c"))
            .hasMessageContaining("holds strings");
    }

    @Test
    void stopsWhenCancelled() {
        assertThatThrownBy(() -> ArffReader.read(new ByteArrayInputStream((HEADER + "1,red,2,0\n")
            .getBytes(StandardCharsets.UTF_8)), null, 0, () -> true)).isInstanceOf(CancellationException.class);
    }
}
