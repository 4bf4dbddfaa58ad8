package io.bikecast.platform.web;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Turns the location Jackson reports for a bad value into a field path a client recognises: {@code rows[3].hr}. */
final class JsonPaths {

    private JsonPaths() {}

    static String of(JacksonException exception) {
        List<JacksonException.Reference> path = exception.getPath();
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
