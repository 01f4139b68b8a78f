package dev.paydeck.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another user of the machine must not be able to connect to Paydeck's embedded PostgreSQL: every connection, over
 * TCP or the Unix socket, needs the password generated beside the data directory, which only the owner can read.
 */
class EmbeddedPostgresAccessIntegrationTests {

    @TempDir
    static Path directory;

    static EmbeddedPostgresServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.start(directory.resolve("fresh/postgres"), 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refusesAConnectionWithoutThePasswordOverTcp() {
        assertThatThrownBy(() -> overTcp(server, null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> overTcp(server, "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void refusesAConnectionWithoutThePasswordOverTheUnixSocket() {
        assertThatThrownBy(() -> overSocket(server, null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> overSocket(server, "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void acceptsThePasswordFromTheFileOverTcpAndTheUnixSocket() throws Exception {
        String password = Files.readString(server.passwordFile()).strip();

        try (Connection tcp = overTcp(server, password); Connection socket = overSocket(server, password)) {
            assertThat(tcp.isValid(5)).isTrue();
            assertThat(socket.isValid(5)).isTrue();
            assertThat(rows(tcp, "select auth_method from pg_hba_file_rules")).containsOnly("scram-sha-256");
            assertThat(rows(tcp, "select left(rolpassword, 14) from pg_authid where rolname = 'postgres'"))
                    .containsExactly("SCRAM-SHA-256$");
        }
    }

    @Test
    void keepsThePasswordFileAndTheSocketDirectoryToTheOwner() throws Exception {
        assertThat(server.passwordFile()).hasFileName("postgres.password")
                .hasParent(directory.resolve("fresh").toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())))
                .isEqualTo("rw-------");
        Path socketDirectory = server.unixSocket().orElseThrow().getParent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDirectory)))
                .isEqualTo("rwx------");
        // The binaries this process runs: nobody else may swap them.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                directory.resolve("fresh/pg-binaries")))).isEqualTo("rwx------");
    }

    @Test
    void givesAPasswordToADataDirectoryOfAnEarlierVersionAndKeepsItsData() throws Exception {
        Path data = directory.resolve("earlier/postgres").toAbsolutePath();
        Files.createDirectories(data);
        // As earlier versions made it: initdb's "trust" for every local connection, and no password.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(data.getParent().resolve("earlier-binaries").toFile()).start();
             Connection connection = earlier.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("create table upgrade_marker (value text)");
            statement.execute("insert into upgrade_marker values ('kept')");
        }
        // Earlier versions unpacked the binaries straight into pg-binaries, which the library leaves writable by all.
        Path earlierBinaries = Files.createDirectories(data.resolveSibling("pg-binaries/PG-0123456789abcdef/bin"));
        Files.writeString(earlierBinaries.resolve("postgres"), "#!/bin/sh\n");

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(data, 0)) {
            assertThat(upgraded.passwordFile()).exists();
            assertThat(data.resolveSibling("pg-binaries")).isDirectoryNotContaining("glob:**/PG-*");
            assertThatThrownBy(() -> overTcp(upgraded, null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> overSocket(upgraded, null).close()).isInstanceOf(SQLException.class);
        }
        // The next start finds the password the server was given.
        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0);
             Connection connection = postgresDatabaseOverTcp(restarted,
                     Files.readString(restarted.passwordFile()).strip())) {
            assertThat(rows(connection, "select value from upgrade_marker")).containsExactly("kept");
            assertThat(rows(connection, "select auth_method from pg_hba_file_rules")).containsOnly("scram-sha-256");
            assertThatThrownBy(() -> overSocket(restarted, null).close()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void setsANewPasswordAtTheNextStartWhenItsFileWasDeleted() throws Exception {
        Path data = directory.resolve("changed/postgres").toAbsolutePath();
        String first;
        try (EmbeddedPostgresServer started = EmbeddedPostgresServer.start(data, 0)) {
            first = started.password();
        }
        Files.delete(data.resolveSibling("postgres.password"));

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0)) {
            String second = Files.readString(restarted.passwordFile()).strip();
            assertThat(second).isNotEqualTo(first);
            assertThatThrownBy(() -> overTcp(restarted, first).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            try (Connection connection = overSocket(restarted, second)) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    private static Connection overTcp(EmbeddedPostgresServer server, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/"
                + EmbeddedPostgresServer.DATABASE, credentials(password));
    }

    private static Connection postgresDatabaseOverTcp(EmbeddedPostgresServer server, String password)
            throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
                credentials(password));
    }

    private static Connection overSocket(EmbeddedPostgresServer server, String password) throws SQLException {
        Properties properties = credentials(password);
        properties.setProperty("socketFactory", UnixDomainSocketFactory.class.getName());
        properties.setProperty("socketFactoryArg", server.unixSocket().orElseThrow().toString());
        return DriverManager.getConnection("jdbc:postgresql://localhost/" + EmbeddedPostgresServer.DATABASE,
                properties);
    }

    private static Properties credentials(String password) {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedPostgresServer.USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private static List<String> rows(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
