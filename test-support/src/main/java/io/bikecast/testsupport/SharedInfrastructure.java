package io.bikecast.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The servers of one test JVM, started on first use and stopped when the JVM exits, plus the clean slate each test
 * class starts from: a new, empty database and a broker without topics.
 */
public final class SharedInfrastructure {

    private static TestInfrastructure instance;

    private SharedInfrastructure() {}

    /** The running servers, started now if this is the first call in this JVM. */
    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = switch (InfrastructureMode.selected()) {
                case EMBEDDED -> EmbeddedInfrastructure.start();
                case TESTCONTAINERS -> ContainerInfrastructure.start();
            };
            TestInfrastructure started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "bikecast-test-infrastructure-stop"));
        }
        return instance;
    }

    /** Creates an empty database and returns its name. */
    public static String createDatabase() {
        TestInfrastructure infrastructure = get();
        String name =
                "bikecast_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl("postgres"), infrastructure.username(), infrastructure.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }

    /**
     * A database outage as a service sees it: the database refuses every new connection, for superusers too, and its
     * open connections are closed, until {@link #acceptConnections}. Only the named (test's own) database is affected.
     */
    public static void refuseConnections(String database) {
        admin(
                "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    /** Ends the outage {@link #refuseConnections} began. */
    public static void acceptConnections(String database) {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private static void admin(String... statements) {
        TestInfrastructure infrastructure = get();
        try (Connection connection = DriverManager.getConnection(
                        infrastructure.jdbcUrl("postgres"), infrastructure.username(), infrastructure.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + String.join("; ", statements), e);
        }
    }

    /** Deletes every topic of the broker, so a test class sees only the events it caused. */
    public static void deleteAllTopics() {
        try (Admin admin = Admin.create(
                java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, get().kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
                awaitDeleted(admin);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not delete the test broker's topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitDeleted(Admin admin) throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics still listed 30 s after their deletion");
            }
            Thread.sleep(50);
        }
    }
}
