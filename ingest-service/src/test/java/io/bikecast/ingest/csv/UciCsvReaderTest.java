package io.bikecast.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bikecast.ingest.contract.BatchValidation;
import io.bikecast.ingest.contract.InvalidBatchException;
import io.bikecast.ingest.contract.Violation;
import io.bikecast.platform.web.PlausibleYears;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CSV reader on its own: line numbers as an editor shows them, quoting, encodings. */
class UciCsvReaderTest {

    private static final String HEADER =
            "dteday,season,yr,mnth,hr,holiday,weekday,workingday,weathersit,temp,atemp,hum,windspeed,cnt,note\n";
    private static final String GOOD = "2012-06-05,2,1,6,%d,0,2,1,1,0.6,0.6,0.5,0.1,42,\"%s\"\n";

    private final UciCsvReader reader = new UciCsvReader();

    @Test
    void reportsTheLineAnEditorShowsEvenAfterAQuotedLineBreak() {
        String csv = HEADER + GOOD.formatted(0, "two\nlines") + GOOD.formatted(1, "x") + "\n"
                + "2012-06-05,2,1,6,2,0,2,1,1,0.6,0.6,0.5,0.1,-1,\"y\"\n";
        BatchValidation batch = new BatchValidation(100, 100, PlausibleYears.DEFAULT);

        reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "system", batch);

        assertThat(batch.accepted()).hasSize(2);
        assertThat(batch.violations())
                .extracting(Violation::line, Violation::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6L, "cnt"));
    }

    @Test
    void dropsAUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = (HEADER + GOOD.formatted(0, "x")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(csv, 0, withBom, bom.length, csv.length);
        BatchValidation batch = new BatchValidation(100, 100, PlausibleYears.DEFAULT);

        reader.read(new ByteArrayInputStream(withBom), "system", batch);

        assertThat(batch.accepted()).hasSize(1);
    }

    @Test
    void refusesUtf16AndLatin1() {
        String csv = HEADER + GOOD.formatted(0, "café");
        for (var charset : new java.nio.charset.Charset[] {
            StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1
        }) {
            assertThatThrownBy(() -> reader.read(
                            new ByteArrayInputStream(csv.getBytes(charset)),
                            "system",
                            new BatchValidation(100, 100, PlausibleYears.DEFAULT)))
                    .as(charset.name())
                    .isInstanceOfSatisfying(InvalidBatchException.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(InvalidBatchException.Reason.WRONG_ENCODING);
                        assertThat(refused.getMessage()).contains("UTF-8");
                    });
        }
    }
}
