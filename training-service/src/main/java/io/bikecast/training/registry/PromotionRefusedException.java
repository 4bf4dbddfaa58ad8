package io.bikecast.training.registry;

/**
 * A manual promotion or rollback that the registry's state refuses: the version already holds the alias, was trained
 * on another feature schema, or fails its checksum; or there is no champion, or none to roll back to. Nothing moved.
 */
public class PromotionRefusedException extends RuntimeException {

    private final String summary;

    PromotionRefusedException(String summary, String detail) {
        super(detail);
        this.summary = summary;
    }

    /** What was refused, in a few words (e.g. "Corrupted artifact"); the message says why. */
    public String summary() {
        return summary;
    }
}
