package io.bikecast.platform.web;

import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Thrown by a deserializer that refuses one JSON object because of several of its members at once (for example
 * members of two request forms that exclude each other), so that the problem names each of them rather than the first.
 * Jackson adds the object's own path as the exception travels up (a batch row is {@code rows[3]}); {@link
 * ProblemDetailsAdvice} puts it in front of each field.
 */
public class JsonFieldsException extends MismatchedInputException {

    private final transient List<InvalidField> fields;

    /**
     * @param fields the offending members, each named relative to the object being read
     */
    public JsonFieldsException(JsonParser parser, Class<?> targetType, List<InvalidField> fields) {
        super(parser, describe(fields), targetType);
        this.fields = List.copyOf(fields);
    }

    /** The offending members, relative to the object. */
    public List<InvalidField> fields() {
        return fields;
    }

    private static String describe(List<InvalidField> fields) {
        return "invalid members: "
                + String.join(
                        "; ",
                        fields.stream()
                                .map(field -> field.field() + " " + field.reason())
                                .toList());
    }
}
