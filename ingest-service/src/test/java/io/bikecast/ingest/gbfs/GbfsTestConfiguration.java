package io.bikecast.ingest.gbfs;

import io.bikecast.ingest.LocalHttpServer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the GBFS tests that poll share ({@code @Import} it): {@link #CLOCK} as the primary {@link InstantSource}, so that
 * the poller runs on the test's time, and the registration of systems served by a {@link LocalHttpServer}.
 */
@TestConfiguration
class GbfsTestConfiguration {

    /** The clock of the importing test; each test sets it before it polls. */
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-07T05:00:00Z"));

    @Bean
    @Primary
    InstantSource testClock() {
        return CLOCK;
    }

    /** Configures each system with its {@code gbfs.json} at {@code /{id}/gbfs.json} of the server. */
    static void systems(DynamicPropertyRegistry registry, LocalHttpServer server, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            registry.add("bikecast.ingest.gbfs.systems[" + i + "].id", () -> id);
            registry.add(
                    "bikecast.ingest.gbfs.systems[" + i + "].auto-discovery-url",
                    () -> "http://127.0.0.1:" + server.port() + "/" + id + "/gbfs.json");
        }
    }
}
