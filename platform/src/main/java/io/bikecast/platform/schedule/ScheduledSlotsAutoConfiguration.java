package io.bikecast.platform.schedule;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ScheduledSlots}, for a service that has a database and names its slot table ({@code
 * bikecast.schedule.slot-table}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "bikecast.schedule", name = "slot-table")
@EnableConfigurationProperties(ScheduledSlotsProperties.class)
public class ScheduledSlotsAutoConfiguration {

    @Bean
    ScheduledSlots scheduledSlots(DataSource dataSource, ScheduledSlotsProperties properties) {
        return new ScheduledSlots(new JdbcTemplate(dataSource), properties);
    }
}
