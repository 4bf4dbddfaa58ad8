package io.bikecast.platform.web;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Bean Validation results as the {@code errors} of a problem, in one order whatever order the validator found them
 * in: by field path, with indexes compared as numbers ({@code rows[2]} before {@code rows[10]}). Public so that a
 * service's own advice (one that adds a detail of its own) lists fields exactly as the platform does.
 */
public final class InvalidFields {

    /** The field named for a violation of the request as a whole (a class-level constraint without a property). */
    public static final String BODY = "body";

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** Field paths in reading order: {@code hr} before {@code temp}, {@code rows[2].hr} before {@code rows[10].hr}. */
    public static final Comparator<InvalidField> ORDER = Comparator.comparing(field -> sortKey(field.field()));

    private InvalidFields() {}

    /** The field and global errors of a binding (a {@code @Valid} body or model attribute). */
    public static List<InvalidField> of(Errors binding) {
        List<InvalidField> errors = new ArrayList<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.add(new InvalidField(error.getField(), error.getDefaultMessage(), error.getRejectedValue()));
        }
        for (ObjectError error : binding.getGlobalErrors()) {
            errors.add(InvalidField.of(BODY, error.getDefaultMessage()));
        }
        errors.sort(ORDER);
        return List.copyOf(errors);
    }

    /** Constraint violations of a bean validated directly, named by the path the client sent. */
    public static List<InvalidField> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new InvalidField(
                        ConstraintPaths.field(violation.getPropertyPath()),
                        violation.getMessage(),
                        violation.getInvalidValue() == violation.getLeafBean() ? null : violation.getInvalidValue()))
                .sorted(ORDER)
                .toList();
    }

    /** Zero-pads every index so that a string comparison orders them as numbers. */
    private static String sortKey(String path) {
        Matcher index = INDEX.matcher(path);
        StringBuilder key = new StringBuilder();
        while (index.find()) {
            index.appendReplacement(
                    key, "[" + "0".repeat(Math.max(0, 10 - index.group(1).length())) + "$1]");
        }
        index.appendTail(key);
        return key.toString();
    }
}
