package io.bikecast.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemTypeTest {

    @Test
    void everyTypeHasItsOwnUriUnderTheBase() {
        List<URI> uris =
                Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList();
        assertThat(uris).doesNotHaveDuplicates();
        assertThat(uris).allSatisfy(uri -> assertThat(uri.toString()).startsWith(ProblemType.BASE));
        assertThat(ProblemType.INVALID_REQUEST.uri()).hasToString("https://bikecast.io/problems/invalid-request");
    }

    @Test
    void aStatusMapsToItsGenericTypeOrToNone() {
        assertThat(ProblemType.forStatus(HttpStatus.BAD_REQUEST)).contains(ProblemType.INVALID_REQUEST);
        assertThat(ProblemType.forStatus(HttpStatus.NOT_FOUND)).contains(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(HttpStatus.CONTENT_TOO_LARGE)).contains(ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(ProblemType.forStatus(HttpStatus.INTERNAL_SERVER_ERROR)).contains(ProblemType.INTERNAL_ERROR);
        assertThat(ProblemType.forStatus(HttpStatus.SERVICE_UNAVAILABLE)).contains(ProblemType.UNAVAILABLE);
        assertThat(ProblemType.forStatus(HttpStatus.BAD_GATEWAY)).isEmpty();
        assertThat(ProblemType.forStatus(HttpStatus.METHOD_NOT_ALLOWED)).isEmpty();
    }

    @Test
    void aProblemCarriesItsTypeTitleAndMembers() {
        ProblemDetail problem = new ProblemException(
                        ProblemType.WRONG_ENCODING,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "declared as ISO-8859-1",
                        List.of(InvalidField.of("charset", "must be UTF-8")),
                        Map.of("batchId", 7))
                .toProblemDetail(URI.create("/api/v1/ingest/csv"));

        assertThat(problem.getType()).isEqualTo(ProblemType.WRONG_ENCODING.uri());
        assertThat(problem.getTitle()).isEqualTo("Wrong encoding");
        assertThat(problem.getStatus()).isEqualTo(415);
        assertThat(problem.getDetail()).isEqualTo("declared as ISO-8859-1");
        assertThat(problem.getInstance()).hasToString("/api/v1/ingest/csv");
        assertThat(problem.getProperties()).containsOnlyKeys(ProblemDetailsAdvice.ERRORS, "batchId");
    }

    @Test
    void aProblemWithoutATypeOfItsOwnTakesTheGenericOneOfItsStatus() {
        ProblemDetail conflict = new ProblemException(HttpStatus.CONFLICT, "Corrupted artifact", "checksum differs")
                .toProblemDetail(URI.create("/x"));
        assertThat(conflict.getType()).isEqualTo(ProblemType.CONFLICT.uri());
        assertThat(conflict.getTitle()).isEqualTo("Corrupted artifact");

        ProblemDetail teapot = new ProblemException(HttpStatus.I_AM_A_TEAPOT, "Teapot", "short and stout")
                .toProblemDetail(URI.create("/x"));
        assertThat(teapot.getType())
                .as("none, which RFC 9457 reads as about:blank")
                .isNull();
    }

    @Test
    void fieldsAreOrderedByPathWithIndexesAsNumbers() {
        List<InvalidField> sorted = java.util.stream.Stream.of("rows[10].hr", "rows[2].temp", "rows[2].hr", "body")
                .map(field -> InvalidField.of(field, "bad"))
                .sorted(InvalidFields.ORDER)
                .toList();
        assertThat(sorted.stream().map(InvalidField::field))
                .containsExactly("body", "rows[2].hr", "rows[2].temp", "rows[10].hr");
    }
}
