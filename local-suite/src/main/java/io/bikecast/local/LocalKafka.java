package io.bikecast.local;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode, started in this JVM. Under KRaft the embedded broker ignores fixed ports, so a
 * named listener on the requested port is added for clients; port 0 picks a free one (as tests do).
 */
final class LocalKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final String bootstrapServers;

    private LocalKafka(EmbeddedKafkaKraftBroker broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalKafka start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        if (port > 0) {
            broker.brokerProperty(
                    "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,CLIENTS://localhost:" + port);
            broker.brokerProperty(
                    "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,CLIENTS:PLAINTEXT");
        }
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return new LocalKafka(broker, port > 0 ? "localhost:" + port : broker.getBrokersAsString());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
