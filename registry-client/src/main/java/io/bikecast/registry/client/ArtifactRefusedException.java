package io.bikecast.registry.client;

/**
 * An artifact was refused because it is not the one it claims to be: its SHA-256 differs from the checksum the
 * registry recorded, from the ETag it came with, or from the one a {@code model-promoted} event announced. It must not
 * be loaded, cached or served.
 */
public class ArtifactRefusedException extends RuntimeException {

    public ArtifactRefusedException(String message) {
        super(message);
    }
}
