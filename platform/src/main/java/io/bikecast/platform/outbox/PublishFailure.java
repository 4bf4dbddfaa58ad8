package io.bikecast.platform.outbox;

import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why one event was not published, and whether trying again can ever help. Only an event that is itself the problem
 * is permanent: one whose payload no longer reads as an event, or that Kafka refuses whatever its state (too large,
 * an invalid topic). Anything else (the broker unreachable or slow, a missing leader, refused credentials) is
 * transient: the event waits, however long, because another attempt will succeed once the cause is fixed.
 */
record PublishFailure(String error, boolean permanent) {

    private static final int MAX_ERROR_LENGTH = 2000;

    private static final Set<Class<? extends Throwable>> PERMANENT = Set.of(
            UnreadableEvent.class,
            SerializationException.class,
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidTopicException.class,
            InvalidRecordException.class);

    /** The payload of an outbox row is not an event this code knows (its type was removed, or it was edited). */
    static final class UnreadableEvent extends RuntimeException {

        UnreadableEvent(Throwable cause) {
            super("the payload does not read as an event: " + cause.getMessage(), cause);
        }
    }

    static PublishFailure of(Throwable thrown) {
        boolean permanent = false;
        Throwable innermost = thrown;
        int depth = 0;
        for (Throwable cause = thrown; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            permanent |= isPermanent(cause);
            innermost = cause;
        }
        String error = thrown instanceof UnreadableEvent
                ? thrown.getMessage()
                : innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
        return new PublishFailure(
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error, permanent);
    }

    private static boolean isPermanent(Throwable cause) {
        return PERMANENT.stream().anyMatch(type -> type.isInstance(cause));
    }
}
