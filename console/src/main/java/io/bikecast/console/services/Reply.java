package io.bikecast.console.services;

import io.bikecast.console.web.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service answered to one call: its value, or why there is none, in words a page can show. A page never fails
 * because a service did: it shows the reply's message where the value would be.
 *
 * @param value the answer, when {@link #outcome} is {@link Outcome#OK}
 * @param status the HTTP status, 0 when the service did not answer
 * @param message why there is no value (the service's problem detail, or that it is down); empty when OK
 */
public record Reply<T>(@Nullable T value, Outcome outcome, int status, String message) {

    private static final JsonMapper JSON = new JsonMapper();

    /** How a call ended. */
    public enum Outcome {
        OK,
        /** 404: the thing asked for does not exist (no champion yet, say). */
        ABSENT,
        /** 401 or 403: the API key was missing or wrong. */
        REFUSED,
        /** Another 4xx: the service refused the request, and says why. */
        REJECTED,
        /** A 5xx, or an answer the console cannot read. */
        FAILED,
        /** No answer at all: the service is down or unreachable. */
        DOWN
    }

    /** Makes the call and keeps whatever came of it; {@code service} names the service in the message. */
    public static <T> Reply<T> of(String service, Supplier<@Nullable T> call) {
        try {
            T value = call.get();
            return value == null
                    ? new Reply<>(null, Outcome.ABSENT, 200, "The " + service + " answered nothing.")
                    : new Reply<>(value, Outcome.OK, 200, "");
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            Outcome outcome = status == 404
                    ? Outcome.ABSENT
                    : status == 401 || status == 403
                            ? Outcome.REFUSED
                            : status < 500 ? Outcome.REJECTED : Outcome.FAILED;
            String problem = problem(e);
            return new Reply<>(
                    null,
                    outcome,
                    status,
                    "The " + service + " answered " + status + ": " + problem
                            + (Formats.endsSentence(problem) ? "" : "."));
        } catch (ResourceAccessException e) {
            return new Reply<>(null, Outcome.DOWN, 0, "The " + service + " is down: it does not answer.");
        } catch (RestClientException e) {
            return new Reply<>(null, Outcome.FAILED, 0, "The " + service + " gave an answer the console cannot read.");
        }
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public boolean down() {
        return outcome == Outcome.DOWN;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }

    public <R> Reply<R> map(Function<T, R> mapping) {
        return ok() ? new Reply<>(mapping.apply(value), outcome, status, message) : failed();
    }

    /** This failure, as a reply of another type. */
    @SuppressWarnings("unchecked")
    public <R> Reply<R> failed() {
        return (Reply<R>) new Reply<>(null, outcome, status, message);
    }

    /** The problem detail's title, detail and invalid fields, or the status text when the body is no problem. */
    private static String problem(RestClientResponseException e) {
        List<String> parts = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(e.getResponseBodyAsString());
            String detail = body.path("detail").asString("");
            String title = body.path("title").asString("");
            parts.add(detail.isBlank() ? title : detail);
            for (JsonNode error : body.path("errors")) {
                parts.add(error.path("field").asString("") + " "
                        + error.path("reason").asString(""));
            }
        } catch (RuntimeException notJson) {
            // Not a problem detail: the status text says enough.
        }
        parts.removeIf(String::isBlank);
        return parts.isEmpty() ? e.getStatusText() : String.join("; ", parts);
    }
}
