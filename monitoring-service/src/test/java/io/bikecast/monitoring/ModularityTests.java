package io.bikecast.monitoring;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code io.bikecast.monitoring} is a feature: its top-level public types are its API, its
 * sub-packages and package-private types its internals. The verification fails on a cycle between features and on a
 * feature that reaches into another's internals, so a feature can be read, changed and tested on its own.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(MonitoringApplication.class);

    @Test
    void featuresFormNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }
}
