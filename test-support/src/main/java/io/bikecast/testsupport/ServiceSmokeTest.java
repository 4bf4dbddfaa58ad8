package io.bikecast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.bikecast.common.events.TopicSpec;
import io.bikecast.common.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every bikecast service must do once started against real PostgreSQL and Kafka: apply its migrations, create
 * the bikecast topics, report UP on health, liveness and readiness, answer {@code /actuator/prometheus}, and publish
 * its OpenAPI document and Swagger UI. A service's smoke test extends this with {@code @SpringBootTest(webEnvironment
 * = RANDOM_PORT)} and {@link RealInfrastructure}.
 */
public abstract class ServiceSmokeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.application.name}")
    private String applicationName;

    /** The database schema this service owns and migrates, or null if it owns none. */
    protected abstract String ownedSchema();

    @Test
    void appliesItsOwnMigrationsToItsOwnSchema() {
        String schema = ownedSchema();
        if (schema == null) {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'flyway_schema_history'",
                            Integer.class))
                    .as("a service that owns no schema runs no migrations")
                    .isZero();
            return;
        }
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success AND version IS NOT NULL",
                Integer.class);
        assertThat(applied).as("successful migrations in schema %s", schema).isPositive();
    }

    @Test
    void createsEveryBikecastTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics)
                    .containsAll(Topics.ALL.stream().map(TopicSpec::name).toList());
        }
    }

    @Test
    void reportsHealthLivenessAndReadinessUp() throws Exception {
        JsonNode health = JSON.readTree(get("/actuator/health", 200));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(JSON.readTree(get("/actuator/health/liveness", 200))
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(JSON.readTree(get("/actuator/health/readiness", 200))
                        .path("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() throws Exception {
        String metrics = get("/actuator/prometheus", 200);
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"" + applicationName + "\"");
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() throws Exception {
        JsonNode api = JSON.readTree(get("/v3/api-docs", 200));
        assertThat(api.path("openapi").asString()).startsWith("3.");
        assertThat(get("/swagger-ui/index.html", 200)).contains("swagger-ui");
    }

    /** GET a path of the running service and return the body, after checking the status. */
    protected String get(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of GET %s", path).isEqualTo(expectedStatus);
        return response.body();
    }
}
