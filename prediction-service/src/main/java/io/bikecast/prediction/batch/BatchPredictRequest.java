package io.bikecast.prediction.batch;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.bikecast.platform.web.InvalidField;
import io.bikecast.prediction.predict.DescribesInvalidFields;
import io.bikecast.prediction.request.PredictRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.GroupSequence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Up to {@code bikecast.prediction.max-batch-rows} rows, each a {@link PredictRequest} in either form.
 *
 * <p>Validated with {@link SizeFirst}: the number of rows first, and the rows themselves only when that is right, so a
 * batch of a million bad rows is refused for its size without a million field errors (and without checking them).
 * Validated with {@link Default} alone, only the size is checked.
 *
 * <p>The rows may also come as {@code inputs}, as the seed service's client sends them; errors name them {@code
 * rows[i]} either way. A refusal says how many rows are bad, and that nothing was predicted.
 */
@Schema(description = "Up to max-batch-rows predictions; rows may mix the two forms.")
record BatchPredictRequest(
        @JsonAlias("inputs") @NotEmpty(message = "must hold at least one row") @WithinBatchLimit
        List<
                        @NotNull(groups = Rows.class, message = "must be a prediction object") @Valid
                        @ConvertGroup(from = Default.class, to = NotYet.class)
                        @ConvertGroup(from = Rows.class, to = Default.class) PredictRequest>
                rows)
        implements DescribesInvalidFields {

    private static final Pattern ROW = Pattern.compile("^rows\\[(\\d+)]");

    /** The rows' own checks, run after the size is known to be right. */
    interface Rows {}

    /** What the rows are checked for while the size is: nothing. */
    interface NotYet {}

    /** The order a batch is checked in: its size, then its rows. */
    @GroupSequence({Default.class, Rows.class})
    interface SizeFirst {}

    @Override
    public String invalidFieldsDetail(List<InvalidField> errors) {
        long badRows = errors.stream()
                .map(error -> ROW.matcher(error.field()))
                .filter(Matcher::find)
                .map(row -> row.group(1))
                .distinct()
                .count();
        if (badRows == 0 || rows == null) {
            return "The batch must hold 1 to max-batch-rows rows; nothing was predicted.";
        }
        return "%d of %d rows are invalid; nothing was predicted.".formatted(badRows, rows.size());
    }
}
