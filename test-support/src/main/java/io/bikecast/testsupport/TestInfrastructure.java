package io.bikecast.testsupport;

/** A running PostgreSQL server and Kafka broker that tests can use. */
public interface TestInfrastructure extends AutoCloseable {

    /** A JDBC URL for the named database on the server. */
    String jdbcUrl(String database);

    String username();

    String password();

    String kafkaBootstrapServers();

    @Override
    void close();
}
