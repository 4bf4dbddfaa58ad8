package io.bikecast.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API key that guards a service's mutating endpoints.
 *
 * @param key the expected {@code X-API-Key} value (set it with {@code BIKECAST_API_KEY}); a service that guards any path
 *     refuses to start without one, see {@link ApiKeyStartupCheck}
 * @param protectedPaths path patterns whose mutating requests need the key; default: none, each service names its own
 * @param protectedMethods the HTTP methods that count as mutating (default POST, PUT, PATCH, DELETE)
 * @param allowPublishedKey whether the key published in the README ({@value #PUBLISHED_KEY}) is accepted (default
 *     {@code false}); only the local suite and the tests set it, because anyone who read the README knows that key
 */
@ConfigurationProperties("bikecast.security.api-key")
public record ApiKeyProperties(
        String key,
        @DefaultValue List<String> protectedPaths,
        @DefaultValue({"POST", "PUT", "PATCH", "DELETE"}) List<String> protectedMethods,
        @DefaultValue("false") boolean allowPublishedKey) {

    /** The key the README, the local suite and the tests use; never a secret. */
    public static final String PUBLISHED_KEY = "local-dev-key";

    public boolean configured() {
        return key != null && !key.isBlank();
    }

    public boolean isPublishedKey() {
        return PUBLISHED_KEY.equals(key);
    }
}
