package io.bikecast.ingest.source;

import io.bikecast.platform.web.ProblemException;
import java.io.IOException;

/**
 * A read from a source that must stop with a particular problem response (too large, a zip bomb, a binary file). It is
 * an {@link IOException} so that it can travel up through readers and parsers that only let I/O failures pass, and is
 * turned back into its problem where the read started.
 */
public final class SourceProblem extends IOException {

    private final transient ProblemException problem;

    public SourceProblem(ProblemException problem) {
        super(problem.getMessage());
        this.problem = problem;
    }

    public ProblemException problem() {
        return problem;
    }
}
