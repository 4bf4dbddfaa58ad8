package io.bikecast.prediction.batch;

import io.bikecast.prediction.PredictionProperties;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/**
 * Checks {@link WithinBatchLimit}. Created by Spring's constraint validator factory, which injects the properties.
 */
class WithinBatchLimitValidator implements ConstraintValidator<WithinBatchLimit, List<?>> {

    private final int maxRows;

    WithinBatchLimitValidator(PredictionProperties properties) {
        this.maxRows = properties.maxBatchRows();
    }

    @Override
    public boolean isValid(List<?> rows, ConstraintValidatorContext context) {
        if (rows == null || rows.size() <= maxRows) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must hold at most " + maxRows + " rows but held " + rows.size())
                .addConstraintViolation();
        return false;
    }
}
