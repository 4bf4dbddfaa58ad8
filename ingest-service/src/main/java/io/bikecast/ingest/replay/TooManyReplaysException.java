package io.bikecast.ingest.replay;

/** A replay asked for while {@code bikecast.ingest.replay.max-running} replays are running already. */
public final class TooManyReplaysException extends RuntimeException {

    TooManyReplaysException(long running) {
        super(running + " replays are running (bikecast.ingest.replay.max-running); stop one first.");
    }
}
