package io.bikecast.training.run;

import java.util.List;

/** A request's parameter overrides cannot make a run; nothing was queued. */
public class InvalidRunParametersException extends RuntimeException {

    private final List<Violation> violations;

    InvalidRunParametersException(List<String> violations) {
        super("the requested parameters cannot make a run");
        this.violations = violations.stream().map(Violation::of).toList();
    }

    /** Each offending parameter and why. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * One offending parameter.
     *
     * @param parameter its name in the request's {@code parameters}, e.g. {@code trees}
     * @param reason what is wrong with it
     */
    public record Violation(String parameter, String reason) {

        /** From the {@code "field: reason"} form of {@link RunSettings#violations()}. */
        static Violation of(String violation) {
            int colon = violation.indexOf(':');
            return new Violation(violation.substring(0, colon), violation.substring(colon + 2));
        }
    }
}
