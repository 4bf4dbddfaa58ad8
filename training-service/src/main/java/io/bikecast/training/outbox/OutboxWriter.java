package io.bikecast.training.outbox;

import io.bikecast.common.events.BikecastEvent;
import io.bikecast.common.events.EventJson;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an event into {@code registry.outbox} within the caller's transaction, so the event exists if and only if
 * the change it announces was committed; {@link OutboxRelay} publishes it afterwards.
 */
@Component
public class OutboxWriter {

    private final JdbcClient jdbc;

    public OutboxWriter(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(BikecastEvent event) {
        jdbc.sql("""
                        INSERT INTO registry.outbox (topic, event_key, event_type, payload)
                        VALUES (?, ?, ?, ?::jsonb)""")
                .params(event.topic(), event.key(), event.getClass().getSimpleName(), EventJson.write(event))
                .update();
    }
}
