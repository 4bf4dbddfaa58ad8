package io.bikecast.training.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lease an instance holds on the run it works on ({@code bikecast.training.lease.*}): one run at a time per model
 * across every instance, without a lock held open on a database connection for the length of a run.
 *
 * @param duration how long a claim or a heartbeat holds the run (default 2m): how long after an instance dies another
 *     may take its run over. Every instance's clock must agree to well within this
 * @param heartbeat how often the instance working on a run renews its lease (default 20s): well below {@code
 *     duration}, so that a few missed beats (a long GC pause, saturated cores, a database blip) do not lose it
 * @param maxAttempts how many times a run may be claimed (default 2: one take-over). A run whose lease expired that
 *     often is failed as abandoned instead of being taken over again, so a run that kills every instance that works on
 *     it cannot crash-loop them all
 */
@ConfigurationProperties("bikecast.training.lease")
record LeaseProperties(
        @DefaultValue("2m") Duration duration,
        @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("2") int maxAttempts) {

    LeaseProperties {
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("bikecast.training.lease.heartbeat (" + heartbeat + ") must be positive"
                    + " and shorter than bikecast.training.lease.duration (" + duration + "), or the lease lapses"
                    + " between beats");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "bikecast.training.lease.max-attempts must be at least 1 but was " + maxAttempts);
        }
    }
}
