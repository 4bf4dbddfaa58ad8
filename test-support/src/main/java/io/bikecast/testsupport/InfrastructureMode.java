package io.bikecast.testsupport;

import java.util.Locale;

/** Which real servers the tests run against; chosen by the {@code bikecast.test.infrastructure} property. */
public enum InfrastructureMode {
    /** PostgreSQL binaries and a KRaft broker started inside the test JVM from Maven dependencies. */
    EMBEDDED,
    /** PostgreSQL and Apache Kafka containers, for machines that have a Docker engine. */
    TESTCONTAINERS;

    public static final String PROPERTY = "bikecast.test.infrastructure";
    public static final String ENVIRONMENT_VARIABLE = "BIKECAST_TEST_INFRASTRUCTURE";

    public static InfrastructureMode selected() {
        String value = System.getProperty(PROPERTY, System.getenv().getOrDefault(ENVIRONMENT_VARIABLE, "embedded"));
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            default ->
                throw new IllegalStateException(
                        PROPERTY + " must be 'embedded' or 'testcontainers', not '" + value + "'");
        };
    }
}
