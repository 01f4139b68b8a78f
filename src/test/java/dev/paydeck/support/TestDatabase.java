package dev.paydeck.support;

import dev.paydeck.platform.database.EmbeddedPostgresServer;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One PostgreSQL for the whole test run, started on first use with Paydeck's own embedded server and shared by
 * every application context (and every app instance) the tests start. Fresh at each run; stopped at JVM exit.
 */
public final class TestDatabase {

    private static EmbeddedPostgresServer server;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            Path directory = Path.of("target", "test-postgres").toAbsolutePath();
            try {
                FileSystemUtils.deleteRecursively(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = EmbeddedPostgresServer.start(directory.resolve("data"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterSpring, "test-postgres-stop"));
        }
        return withPassword(server.jdbcUrl());
    }

    /**
     * JVM shutdown hooks run at once: stopping PostgreSQL while Spring's hook still closes the cached application
     * contexts leaves their scheduler and pools waiting on a database that is gone (long enough for Surefire to kill
     * the forked JVM). So the database stops once Spring's hook is done (or after 20 s).
     */
    private static void stopAfterSpring() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
                .forEach(thread -> {
                    try {
                        thread.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        server.close();
    }

    /**
     * The URL carries the password (as a driver parameter), so that everything the tests hand a database URL to
     * connects as Paydeck does; the application redacts it from what it logs.
     */
    private static String withPassword(String url) {
        return url + "&password=" + URLEncoder.encode(server.password(), StandardCharsets.UTF_8);
    }

    /**
     * A new, empty database on the same PostgreSQL, for an instance that must start from nothing (the suite's
     * database holds every test's organizations); its JDBC URL.
     */
    public static String newDatabase() {
        String shared = jdbcUrl();
        String name = "paydeck_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(shared);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
        return shared.replace("/" + EmbeddedPostgresServer.DATABASE + "?", "/" + name + "?");
    }

    public static String user() {
        return EmbeddedPostgresServer.USER;
    }

    public static synchronized String password() {
        jdbcUrl();
        return server.password();
    }
}
