package io.bikecast.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API key that guards a service's mutating endpoints.
 *
 * @param key the expected {@code X-API-Key} value; when blank, every guarded request is refused (fail closed)
 * @param protectedPaths path patterns whose mutating requests need the key; default: none, each service names its own
 * @param protectedMethods the HTTP methods that count as mutating (default POST, PUT, PATCH, DELETE)
 */
@ConfigurationProperties("bikecast.security.api-key")
public record ApiKeyProperties(
        String key,
        @DefaultValue List<String> protectedPaths,
        @DefaultValue({"POST", "PUT", "PATCH", "DELETE"}) List<String> protectedMethods) {

    public boolean configured() {
        return key != null && !key.isBlank();
    }
}
