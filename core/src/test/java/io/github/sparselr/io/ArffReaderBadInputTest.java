package io.github.sparselr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sparselr.data.DenseDataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ARFF input that once hung, overflowed or ran out of memory (docs/reliability.md, "Local files"). The
 * reference for each case is scikit-learn 1.2.1's liac-arff ({@code sklearn/externals/_arff.py}); the
 * script {@code src/test/resources/io/github/sparselr/io/reference_readers.py} prints what it does.
 */
class ArffReaderBadInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    private static DenseDataset read(final String arff, final long expectedRows) throws IOException {
        return read(arff.getBytes(StandardCharsets.UTF_8), expectedRows);
    }

    private static DenseDataset read(final byte[] arff, final long expectedRows) throws IOException {
        return assertTimeoutPreemptively(QUICKLY,
            () -> ArffReader.read(new ByteArrayInputStream(arff), "test.arff", null, expectedRows, () -> false));
    }

    private static List<ArffAttribute> header(final String arff) throws IOException {
        return assertTimeoutPreemptively(QUICKLY,
            () -> ArffReader.readHeader(new ByteArrayInputStream(arff.getBytes(StandardCharsets.UTF_8)), "test.arff"));
    }

    /** Bytes allocated by this thread while running the read (HotSpot's per-thread counter). */
    private static long allocatedBy(final Runnable read) {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        read.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void dropsACommentAfterANominalListAsWekaDoes() throws IOException {
        // liac-arff rejects the line (BadAttributeType, line 3); Weka drops the comment: we follow Weka
        final String arff = "@relation adult\n@attribute age numeric\n@attribute label {-1,1} %{<=50K, >50K}\n"
            + "@data\n39,-1\n50,1\n";
        assertThat(header(arff).get(1).nominalValues()).containsExactly("-1", "1");
        final DenseDataset data = read(arff, 0);
        assertThat(data.labels()).containsExactly("-1", "1");
        assertThat(data.values()).containsExactly(39, 50);
    }

    @Test
    void rejectsABraceInsideANominalListNamingTheLine() {
        // liac-arff: BadAttributeType "Bad @ATTRIBUTE type, at line 3."
        assertThatThrownBy(() -> header("@relation r\n@attribute x numeric\n@attribute cls {a,{b}\n@data\n1,a\n"))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("test.arff, line 3")
            .hasMessageContaining("attribute 'cls'").hasMessageContaining("found '{'");
        assertThatThrownBy(() -> header("@relation r\n@attribute cls {a,b\n@data\na\n"))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("line 2")
            .hasMessageContaining("no closing '}'");
    }

    @Test
    void rejectsAnUnclosedQuoteInTheHeaderNamingTheLine() {
        // liac-arff: BadAttributeFormat "Bad @ATTRIBUTE format, at line 2."
        assertThatThrownBy(() -> header("@relation r\n@attribute 'a\n@attribute c {x}\n@data\n1,x\n"))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("test.arff, line 2")
            .hasMessageContaining("not closed");
        assertThatThrownBy(() -> header("@relation r\n@attribute c {'x,y}\n@data\nx\n"))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("line 2").hasMessageContaining("not closed");
    }

    @Test
    void rejectsAnAttributeNameUsedTwiceAsLiacArffDoes() {
        // liac-arff: BadAttributeName "Bad @ATTRIBUTE name x at line 3, this name is already in use in line 2."
        assertThatThrownBy(() -> header("@relation r\n@attribute x numeric\n@attribute x numeric\n@attribute c {a}\n"
            + "@data\n")).isInstanceOf(ArffFormatException.class).hasMessageContaining("line 3")
            .hasMessageContaining("'x' is already used on line 2");
    }

    @Test
    void takesARowCountClaimOnlyAsAHint() throws IOException {
        // OpenML's NumberOfInstances said 3e8 or 2147483000 for a 3-row file: preallocated until OOM / overflow
        final StringBuilder arff = new StringBuilder("@relation r\n");
        for (int a = 0; a < 5; a++) {
            arff.append("@attribute x").append(a).append(" numeric\n");
        }
        arff.append("@attribute class {a,b}\n@data\n1,2,3,4,5,a\n6,7,8,9,10,b\n11,12,13,14,15,a\n");
        for (final long claim : new long[] {300_000_000L, 2_147_483_000L, Long.MAX_VALUE}) {
            final long[] rows = new long[1];
            final long allocated = allocatedBy(() -> {
                try {
                    rows[0] = read(arff.toString(), claim).rows();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(rows[0]).isEqualTo(3);
            assertThat(allocated).as("bytes allocated for a 3-row file claiming %d rows", claim)
                .isLessThan(16L << 20);
        }
    }

    @Test
    void growsWithTheSparseRowsReadNotWithTheAttributeCount() throws IOException {
        // 20 sparse rows with 10^5 attributes allocated blocks of 4096 rows x 10^5 doubles (3.3 GB)
        final byte[] arff = sparse(100_000, 20);
        final DenseDataset[] data = new DenseDataset[1];
        final long allocated = allocatedBy(() -> {
            try {
                data[0] = read(arff, 0);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(data[0].rows()).isEqualTo(20);
        assertThat(data[0].cols()).isEqualTo(100_000);
        assertThat(data[0].values()[19 * 100_000 + 7]).isEqualTo(19);
        // the dataset itself is 16 MB; the header's names and the parser's buffers add a few more
        assertThat(allocated).isLessThan(160L << 20);
    }

    @Test
    void readsSparseRowsOfAMillionAttributesWithoutOverflow() throws IOException {
        // 10^6 attributes: 4096 x 10^6 overflowed an int (NegativeArraySizeException)
        final DenseDataset data = read(sparse(1_000_000, 3), 0);
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.values()[2 * 1_000_000 + 7]).isEqualTo(2);
    }

    /** Sparse rows {7 r, LAST c1}: attribute 7 holds the row number, the target is the last attribute. */
    private static byte[] sparse(final int attributes, final int rows) {
        final StringBuilder arff = new StringBuilder("@relation wide\n");
        for (int a = 0; a < attributes; a++) {
            arff.append("@attribute a").append(a).append(" numeric\n");
        }
        arff.append("@attribute class {c0,c1}\n@data\n");
        for (int r = 0; r < rows; r++) {
            arff.append("{7 ").append(r).append(", ").append(attributes).append(" c1}\n");
        }
        return arff.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void growsTheLineBufferToTheLargestArrayAndNoFurther() {
        // doubling 2^30 overflowed an int: a 1.1 GB line gave NegativeArraySizeException
        assertThat(ArffBytes.grownLength(1 << 20, ArffBytes.MAX_ARRAY)).isEqualTo(1 << 21);
        assertThat(ArffBytes.grownLength(1 << 30, ArffBytes.MAX_ARRAY)).isEqualTo(ArffBytes.MAX_ARRAY);
        assertThat(ArffBytes.grownLength(ArffBytes.MAX_ARRAY, ArffBytes.MAX_ARRAY)).isEqualTo(-1);
    }

    @Test
    void stopsAnEndlessLineAtTheLineLimitNamingTheLine() {
        // a 3 GiB line (3 MB of gzip) once ran a 4 GB heap out of memory before the 2 GB array limit
        final byte[] header = "@relation r\n@attribute x numeric\n@attribute c {a}\n@data\n"
            .getBytes(StandardCharsets.US_ASCII);
        final InputStream endless = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < header.length ? header[(int) position++] : '1';
            }

            @Override
            public int read(final byte[] b, final int off, final int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        assertThatThrownBy(() -> ArffReader.read(endless, "long.arff", null, 0, () -> false))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("long.arff, line 5")
            .hasMessageContaining("longer than " + (ArffBytes.MAX_LINE >> 20) + " MiB");
        assertThat(ArffBytes.MAX_LINE).isLessThanOrEqualTo(1 << 28);
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() throws IOException {
        final byte[] arff = ("\ufeff@relation r\n@attribute x numeric\n@attribute class {a,b}\n@data\n1,b\n")
            .getBytes(StandardCharsets.UTF_8);
        final DenseDataset data = read(arff, 0);
        assertThat(data.labels()).containsExactly("b");
    }

    @Test
    void rejectsBytesThatAreNotUtf8NamingTheLine() {
        // fetch_openml decodes ARFF as UTF-8: Latin-1 "café"/"cafè" must not merge into one "caf\uFFFD"
        final byte[] header = "@relation r\n@attribute x numeric\n@attribute c {caf\u00e9,caf\u00e8}\n@data\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(header, 0)).isInstanceOf(ArffFormatException.class)
            .hasMessageContaining("test.arff, line 3").hasMessageContaining("not UTF-8");
        final byte[] data = "@relation r\n@attribute x numeric\n@attribute c string\n@data\n1,caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ArffReader.read(new ByteArrayInputStream(data), "test.arff", "c", 0, () -> false))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("line 5").hasMessageContaining("not UTF-8");
    }

    @Test
    void rejectsTextAfterASparseRow() {
        assertThatThrownBy(() -> read("@relation r\n@attribute x numeric\n@attribute c {a,b}\n@data\n{0 1} junk\n", 0))
            .isInstanceOf(ArffFormatException.class).hasMessageContaining("line 5").hasMessageContaining("'junk'");
    }

    @Test
    void checksALongNumberLikeTokenInOnePass() {
        // "[-+]?([0-9]+\\.?[0-9]*|...)" backtracked quadratically: 10^5 digits and a letter ran for over 20 s
        final String token = "1".repeat(100_000) + "x";
        final String arff = "@relation r\n@attribute x numeric\n@attribute c {a}\n@data\n" + token + ",a\n";
        assertThatThrownBy(() -> read(arff, 0)).isInstanceOf(ArffFormatException.class)
            .hasMessageContaining("line 5").hasMessageContaining("is not a number");
    }

    @Test
    void refusesADenseMatrixTheHeapCannotHoldNamingItsSize() {
        // 100,000 attributes in a sparse file of a few KB: 8 rows hold 6.4 MB dense; with 4 MB of heap the
        // matrix cannot grow, and the error tells the size (once a raw OutOfMemoryError at 16 GB)
        final StringBuilder arff = new StringBuilder("@relation wide\n");
        for (int a = 0; a < 100_000; a++) {
            arff.append("@attribute a").append(a).append(" numeric\n");
        }
        arff.append("@attribute class {x,y}\n@data\n");
        for (int r = 0; r < 1000; r++) {
            arff.append("{").append(r).append(" 1, 100000 y}\n");
        }
        final byte[] bytes = arff.toString().getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ArffReader.read(new ByteArrayInputStream(bytes), "wide.arff", null, 0, () -> false,
            4_000_000)).isInstanceOf(ArffFormatException.class).hasMessageContaining("wide.arff, line")
            .hasMessageContaining("rows of 100000 columns the dense matrix takes").hasMessageContaining("would need")
            .hasMessageContaining("GB");
    }
}
