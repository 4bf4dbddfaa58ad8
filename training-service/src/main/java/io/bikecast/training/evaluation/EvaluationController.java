package io.bikecast.training.evaluation;

import io.bikecast.platform.web.InvalidField;
import io.bikecast.training.api.ModelNames;
import io.bikecast.training.api.RequestFields;
import io.bikecast.training.config.TrainingProperties;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scores a registered version on stored hours: {@code POST /api/v1/models/{version}/evaluation}. */
@RestController
class EvaluationController {

    private final ModelEvaluationService evaluations;
    private final ModelNames families;

    EvaluationController(ModelEvaluationService evaluations, TrainingProperties properties) {
        this.evaluations = evaluations;
        this.families = new ModelNames(properties);
    }

    /**
     * Scores the version on the stored hours of the training series from {@code from} (inclusive) to {@code to}
     * (exclusive), local hours; needs the API key.
     */
    @PostMapping("/api/v1/models/{version}/evaluation")
    ModelEvaluation evaluation(
            @PathVariable long version,
            @RequestParam(required = false) String model,
            @RequestBody EvaluationRequest request) {
        String modelName = families.modelName(model);
        List<InvalidField> errors = new ArrayList<>();
        if (request.from() == null) {
            errors.add(new InvalidField("from", "is required: the first local hour, e.g. 2012-09-01T00:00", null));
        }
        if (request.to() == null) {
            errors.add(new InvalidField("to", "is required: the end (exclusive), e.g. 2013-01-01T00:00", null));
        }
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            errors.add(new InvalidField("to", "must be after from (" + request.from() + ")", request.to()));
        }
        RequestFields.check(errors);
        return evaluations.evaluate(modelName, version, request.from(), request.to());
    }

    /**
     * @param from the first local hour to score (inclusive), e.g. {@code 2012-09-01T00:00}
     * @param to the end of the range (exclusive), after {@code from}
     */
    record EvaluationRequest(LocalDateTime from, LocalDateTime to) {}
}
