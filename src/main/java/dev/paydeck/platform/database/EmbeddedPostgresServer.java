package dev.paydeck.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL server run from binaries shipped in a Maven artifact, with its data kept in a directory
 * so that a restart keeps everything. Used when no external database URL is configured.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "paydeck";
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server on {@code dataDirectory}, stopping first a server of an earlier run that was killed
     * before it could stop its PostgreSQL. {@code port} 0 picks a free port.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * {@link #start(Path, int)}; with {@code stopAtExit} false, the server is stopped only by {@link #close()}. The
     * application closes it itself, after the components that use it have stopped: the library's own exit hook
     * would stop PostgreSQL at the same time as they finish their work (webhook deliveries failing on a terminated
     * connection during shutdown).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean stopAtExit) {
        try {
            Path data = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(data);
            new StalePostmaster(data).stopIfRunning();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(data.getParent().resolve("pg-binaries").toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopAtExit)
                    .setServerConfig("max_connections", "200")
                    // The pool connects through the Unix-domain socket in the data directory when its path fits
                    // (see UnixDomainSocketFactory); TCP stays for everything else.
                    .setServerConfig("unix_socket_directories", unixSocketFits(data) ? data.toString() : "")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The library starts PostgreSQL for tests: without fsync (-F) and with asynchronous commits.
                    // Paydeck keeps payments in it, so a commit must be on disk before it is answered.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Young tables get their statistics soon, so plans chosen while a table was empty do not
                    // outlive its first rows (the default, a minute, is long for a new installation under load).
                    .setServerConfig("autovacuum_naptime", "10s");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, data);
            server.createApplicationDatabase();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** A Unix-domain socket's path is at most 107 bytes; the server names its socket {@code .s.PGSQL.<port>}. */
    private static boolean unixSocketFits(Path data) {
        return !System.getProperty("os.name").startsWith("Windows")
                && data.resolve(".s.PGSQL.65535").toString().getBytes(StandardCharsets.UTF_8).length <= 107;
    }

    /** The path of the server's Unix-domain socket, if it has one. */
    public Optional<Path> unixSocket() {
        Path socket = dataDirectory.resolve(".s.PGSQL." + postgres.getPort());
        return unixSocketFits(dataDirectory) ? Optional.of(socket) : Optional.empty();
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "'", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The operating-system process id of the running postmaster. */
    public long pid() {
        return new StalePostmaster(dataDirectory).recordedPid().orElse(-1L);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
