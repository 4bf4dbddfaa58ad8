package io.bikecast.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A real PostgreSQL server from the binaries zonky ships on Maven Central, keeping its data in a directory between
 * runs. Unlike a test database it syncs to disk (zonky turns fsync off by default), since a user's data lives here.
 */
final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "bikecast";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static LocalPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    // The suite stops PostgreSQL itself, after the services: zonky's own hook would stop it at once,
                    // under the feet of services still closing their connection pools.
                    .setRegisterShutdownHook(false)
                    .start();
            LocalPostgres local = new LocalPostgres(postgres);
            local.createDatabaseIfMissing();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    String username() {
        return "postgres";
    }

    String password() {
        return "postgres";
    }

    /** The login of a service's own role. */
    record Role(String username, String password) {}

    /**
     * The role a service logs in as: it owns the service's schema, and so its tables, and has no right on any other
     * schema, so that no service can read or write another's data. Created on first use; on every start it gets a new
     * random password (nothing secret is kept on disk), and whatever an older suite created in the schema as the
     * superuser is handed over to it.
     */
    Role roleFor(String role, String schema) {
        requireIdentifier(role);
        requireIdentifier(schema);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + "; END IF; END $$");
            statement.execute(
                    "ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            statement.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + role);
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
            statement.execute("ALTER SCHEMA " + schema + " OWNER TO " + role);
            statement.execute(handOver(role, schema));
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the database role " + role + " for " + schema, e);
        }
        return new Role(role, password);
    }

    /** Makes the role the owner of every table, view and free sequence in the schema (sequences of a column follow). */
    private static String handOver(String role, String schema) {
        return """
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = '%2$s' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                             AND pg_get_userbyid(c.relowner) <> '%1$s'
                             AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                        AND d.deptype IN ('a', 'i')))
                  LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %1$s',
                        CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                       WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                        r.name);
                  END LOOP;
                END $$""".formatted(role, schema);
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
