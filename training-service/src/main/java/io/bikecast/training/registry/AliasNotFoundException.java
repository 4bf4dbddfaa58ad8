package io.bikecast.training.registry;

import java.time.Instant;

/** An alias points at no version: there is no champion (now, or at an instant) or no challenger. */
public class AliasNotFoundException extends RuntimeException {

    private AliasNotFoundException(String message) {
        super(message);
    }

    static AliasNotFoundException noChampion(String modelName) {
        return new AliasNotFoundException("model " + modelName + " had no champion yet");
    }

    static AliasNotFoundException noChampionAt(String modelName, Instant at) {
        return new AliasNotFoundException("model " + modelName + " had no champion at " + at);
    }

    static AliasNotFoundException noChallenger(String modelName) {
        return new AliasNotFoundException("model " + modelName + " has no challenger");
    }
}
