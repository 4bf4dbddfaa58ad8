package io.bikecast.ingest.input;

import java.io.IOException;

/**
 * A read that must stop with a particular refusal (too large, a zip bomb, a binary file). It is an {@link IOException}
 * so that it can travel up through readers and parsers that only let I/O failures pass; where the read started, the
 * refusal it carries is thrown instead.
 */
public final class RefusedRead extends IOException {

    private final RuntimeException refusal;

    public RefusedRead(RuntimeException refusal) {
        super(refusal.getMessage(), refusal);
        this.refusal = refusal;
    }

    /** What the read was refused with. */
    public RuntimeException refusal() {
        return refusal;
    }
}
