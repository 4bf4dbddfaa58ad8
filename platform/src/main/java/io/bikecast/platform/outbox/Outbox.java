package io.bikecast.platform.outbox;

import io.bikecast.common.events.BikecastEvent;
import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a service publishes events: it appends them to its outbox table in the transaction of the change they announce,
 * so that an event exists if and only if that change was committed, and a Kafka outage never holds the transaction
 * up. {@link OutboxRelay} publishes them afterwards, in the order they were appended; the commit wakes it.
 */
public class Outbox {

    private final OutboxTable table;
    private final Runnable wakeRelay;

    Outbox(OutboxTable table, Runnable wakeRelay) {
        this.table = table;
        this.wakeRelay = wakeRelay;
    }

    /** Appends one event in the current transaction. */
    public void append(BikecastEvent event) {
        append(List.of(event));
    }

    /**
     * Appends events in the current transaction, in the order given; they are published in that order.
     *
     * @throws IllegalStateException if no transaction is active: an event appended on its own could announce a change
     *     that is then rolled back, or be lost while the change commits
     */
    public void append(List<? extends BikecastEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are appended to " + table.name()
                    + " in the transaction of the change they announce, and no transaction is active");
        }
        if (events.isEmpty()) {
            return;
        }
        table.insert(events);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeRelay.run();
                }
            });
        }
    }
}
