package dev.paydeck.support;

import dev.paydeck.platform.database.EmbeddedPostgresServer;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
        }
        return server.jdbcUrl();
    }

    public static String user() {
        return EmbeddedPostgresServer.USER;
    }
}
