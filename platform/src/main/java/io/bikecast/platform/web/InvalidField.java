package io.bikecast.platform.web;

/**
 * One offending field of a request, as listed in the {@code errors} member of a problem response.
 *
 * @param field where the value was, as a path: {@code temp}, {@code rows[3].hr}, or a CSV column
 * @param reason what is wrong with it, in words
 * @param rejectedValue the value that was refused, when there was one
 */
public record InvalidField(String field, String reason, Object rejectedValue) {

    public static InvalidField of(String field, String reason) {
        return new InvalidField(field, reason, null);
    }
}
