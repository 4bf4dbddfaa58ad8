package io.bikecast.platform.outbox;

import io.bikecast.platform.kafka.EventKafkaAutoConfiguration;
import io.bikecast.platform.kafka.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox, for a service that has a database and names its outbox table ({@code bikecast.outbox.table}); a service
 * without a database (prediction) gets none. See {@link Outbox} and {@link OutboxRelay}.
 */
@AutoConfiguration(
        after = EventKafkaAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "bikecast.outbox", name = "table")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxTable outboxTable(DataSource dataSource, OutboxProperties properties) {
        return new OutboxTable(new JdbcTemplate(dataSource), properties.table());
    }

    @Bean
    OutboxRelay outboxRelay(
            OutboxTable table,
            EventPublisher publisher,
            PlatformTransactionManager transactionManager,
            OutboxProperties properties,
            MeterRegistry registry) {
        return new OutboxRelay(
                table,
                publisher,
                new TransactionTemplate(transactionManager),
                properties,
                new OutboxMetrics(registry, table));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "bikecast.outbox.relay-enabled", matchIfMissing = true)
    RelaySchedule outboxRelaySchedule(OutboxRelay relay, OutboxTable table, OutboxProperties properties) {
        return new RelaySchedule(relay, table, properties);
    }

    @Bean
    Outbox outbox(OutboxTable table, ObjectProvider<RelaySchedule> schedule) {
        return new Outbox(table, () -> schedule.ifAvailable(RelaySchedule::wakeUp));
    }
}
