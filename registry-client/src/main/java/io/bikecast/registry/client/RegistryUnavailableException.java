package io.bikecast.registry.client;

/** The training service's registry did not answer, or answered with an error: nothing it said can be used. */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RegistryUnavailableException(String message) {
        super(message);
    }
}
