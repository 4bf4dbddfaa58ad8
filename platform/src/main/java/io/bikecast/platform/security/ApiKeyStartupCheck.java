package io.bikecast.platform.security;

import org.springframework.beans.factory.InitializingBean;

/**
 * Stops a service at start-up when it guards endpoints with a key nobody chose: none at all, or the published
 * {@value ApiKeyProperties#PUBLISHED_KEY}. A deployment that forgot {@code BIKECAST_API_KEY} would otherwise either
 * refuse every mutating call (no key) or accept anyone who read the README (the published one); failing at start says
 * so before the first request instead of after.
 */
public class ApiKeyStartupCheck implements InitializingBean {

    private final ApiKeyProperties properties;

    public ApiKeyStartupCheck(ApiKeyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.protectedPaths().isEmpty()) {
            return;
        }
        if (!properties.configured()) {
            throw new IllegalStateException("No API key is set, and this service's mutating endpoints "
                    + properties.protectedPaths() + " need one. Set the environment variable BIKECAST_API_KEY"
                    + " (or bikecast.security.api-key.key) to a secret of your own.");
        }
        if (properties.isPublishedKey() && !properties.allowPublishedKey()) {
            throw new IllegalStateException("The API key is the published '" + ApiKeyProperties.PUBLISHED_KEY
                    + "', which anyone who read the README knows. Set the environment variable BIKECAST_API_KEY"
                    + " (or bikecast.security.api-key.key) to a secret of your own; only the local suite and the"
                    + " tests accept the published key (bikecast.security.api-key.allow-published-key=true).");
        }
    }
}
