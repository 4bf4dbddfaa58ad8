package io.bikecast.prediction.request;

import io.bikecast.common.features.FeatureKind;
import io.bikecast.common.features.ValidCondition;
import io.bikecast.common.features.ValidFeature;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the range of every {@link ValidFeature} and {@link ValidCondition} field in the OpenAPI document as its
 * {@code minimum} and {@code maximum} (and {@code multipleOf: 1} for a whole-number code), read from the same
 * definitions validation uses, so the API docs cannot state other ranges than the ones enforced. springdoc does this
 * for {@code @Min}/{@code @Max} by itself, but not for constraints of our own.
 */
@Component
class FeatureRangesInOpenApi implements PropertyCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (property == null || annotations == null) {
            return property;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof ValidFeature feature) {
                range(
                        property,
                        feature.value().min(),
                        feature.value().max(),
                        feature.value().kind());
            } else if (annotation instanceof ValidCondition condition) {
                range(
                        property,
                        condition.value().min(),
                        condition.value().max(),
                        condition.value().feature().kind());
            }
        }
        return property;
    }

    @SuppressWarnings("rawtypes")
    private static void range(Schema property, double min, double max, FeatureKind kind) {
        property.setMinimum(BigDecimal.valueOf(min));
        property.setMaximum(BigDecimal.valueOf(max));
        if (kind == FeatureKind.DISCRETE) {
            property.setMultipleOf(BigDecimal.ONE);
        }
    }
}
