package io.bikecast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leaves a table and a topic behind, after checking that no other test class's are visible. Two classes run it;
 * whichever runs second proves that {@link RealInfrastructure} gave it a clean database and a broker without topics.
 */
abstract class IsolationChecks {

    @Configuration
    @EnableAutoConfiguration
    static class Config {}

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${bikecast.test.database}")
    String database;

    @Test
    void startsWithAnEmptyDatabaseAndNoTopicsThenLeavesSomeBehind() throws Exception {
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                .isEqualTo(database);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", Integer.class))
                .isZero();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();

            jdbc.execute("CREATE TABLE left_behind (id int)");
            admin.createTopics(List.of(new NewTopic("left-behind", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
