package dev.paydeck.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A real PostgreSQL server run from binaries shipped in a Maven artifact, with its data kept in a directory
 * so that a restart keeps everything. Used when no external database URL is configured.
 * <p>
 * It listens on 127.0.0.1 and on a Unix-domain socket in its owner-only data directory, and every connection needs
 * the superuser's password (SCRAM-SHA-256), generated at first start into {@code postgres.password} beside the
 * data directory: another user of the machine cannot connect.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "paydeck";
    public static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final DatabasePassword passwordFile;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, DatabasePassword passwordFile,
            String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.passwordFile = passwordFile;
        this.password = password;
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
            createOwnerOnlyDirectory(data);
            new StalePostmaster(data).stopIfRunning();
            DatabasePassword passwordFile = new DatabasePassword(data.getParent().resolve(DatabasePassword.FILE_NAME));
            // A server whose password is not known: made by an earlier version of Paydeck (which trusted every
            // connection from this machine and set none), or its password file was deleted. This start sets one.
            boolean withoutPassword = Files.exists(data.resolve("postgresql.conf")) && !passwordFile.exists();
            String password = withoutPassword ? passwordFile.pending() : passwordFile.readOrCreate();
            boolean overUnixSocket = unixSocketFits(data);
            int chosenPort = port > 0 ? port : freePort();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDirectory(data.getParent()).toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(stopAtExit)
                    .setPort(chosenPort)
                    // initdb (first start only) gives the superuser the password from the file; the library's
                    // own "-A trust" comes first on initdb's command line, so these win.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.file().toString())
                    .setDataDirectoryCustomizer(directory -> {
                        if (withoutPassword) {
                            HostBasedAuthentication.trustOwnerWhileSettingPassword(directory.toPath(),
                                    overUnixSocket);
                        } else {
                            HostBasedAuthentication.requirePassword(directory.toPath());
                        }
                    })
                    .setConnectConfig("password", password)
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "200")
                    // The pool connects through the Unix-domain socket in the data directory when its path fits
                    // (see UnixDomainSocketFactory); TCP stays for everything else.
                    .setServerConfig("unix_socket_directories", overUnixSocket ? data.toString() : "")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The library starts PostgreSQL for tests: without fsync (-F) and with asynchronous commits.
                    // Paydeck keeps payments in it, so a commit must be on disk before it is answered.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Young tables get their statistics soon, so plans chosen while a table was empty do not
                    // outlive its first rows (the default, a minute, is long for a new installation under load).
                    .setServerConfig("autovacuum_naptime", "10s");
            if (overUnixSocket) {
                // The library's own connections (its readiness check, creating the database) take the socket too:
                // it is the way in while a server without a known password is given one.
                builder.setConnectConfig("socketFactory", UnixDomainSocketFactory.class.getName())
                        .setConnectConfig("socketFactoryArg", socketPath(data, chosenPort).toString());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, data, passwordFile, password);
            if (withoutPassword) {
                server.setPassword(passwordFile);
            }
            server.createApplicationDatabase();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A directory only its owner can enter, created so or narrowed (PostgreSQL refuses a data directory that others
     * can read, and its socket is there too).
     */
    private static void createOwnerOnlyDirectory(Path data) throws IOException {
        if (System.getProperty("os.name").startsWith("Windows")) {
            Files.createDirectories(data);
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        Files.createDirectories(data, PosixFilePermissions.asFileAttribute(ownerOnly));
        Files.setPosixFilePermissions(data, ownerOnly);
    }

    /**
     * Where the library unpacks the PostgreSQL binaries that this process runs. It makes that directory writable by
     * everyone (it is meant for a temporary directory that several users share), so it is kept one level down in an
     * owner-only {@code pg-binaries}: nobody else can reach it to swap a binary. Binaries that earlier versions
     * unpacked directly into {@code pg-binaries} are removed.
     */
    private static Path binariesDirectory(Path paydeckData) throws IOException {
        Path binaries = paydeckData.resolve("pg-binaries");
        createOwnerOnlyDirectory(binaries);
        try (var earlier = Files.newDirectoryStream(binaries, "PG-*")) {
            for (Path unpacked : earlier) {
                FileSystemUtils.deleteRecursively(unpacked);
            }
        }
        return binaries.resolve("unpacked");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Gives a server without a known password the pending one (sent as a SCRAM verifier, so the password itself
     * never reaches the server or its logs), keeps it in the password file, then requires it from every connection.
     */
    private void setPassword(DatabasePassword passwordFile) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
            passwordFile.confirmPending();
            HostBasedAuthentication.requirePassword(dataDirectory);
            try (var reload = connection.createStatement()) {
                reload.execute("select pg_reload_conf()");
            }
            log.info("Embedded PostgreSQL now requires the password in {}", passwordFile.file());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
        }
    }

    /** A Unix-domain socket's path is at most 107 bytes; the server names its socket {@code .s.PGSQL.<port>}. */
    private static boolean unixSocketFits(Path data) {
        return !System.getProperty("os.name").startsWith("Windows")
                && data.resolve(".s.PGSQL.65535").toString().getBytes(StandardCharsets.UTF_8).length <= 107;
    }

    private static Path socketPath(Path data, int port) {
        return data.resolve(".s.PGSQL." + port);
    }

    /** The path of the server's Unix-domain socket, if it has one (its directory is the data directory). */
    public Optional<Path> unixSocket() {
        return unixSocketFits(dataDirectory)
                ? Optional.of(socketPath(dataDirectory, postgres.getPort())) : Optional.empty();
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

    /** The superuser's password, which every connection needs. */
    public String password() {
        return password;
    }

    /** Where the superuser's password is kept, for psql and other tools (owner-readable only). */
    public Path passwordFile() {
        return passwordFile.file();
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
