package dev.paydeck.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Paydeck as its own process with the embedded PostgreSQL, as an operator would, kills it with
 * {@code kill -9} (which leaves PostgreSQL running), and checks that the next start recovers and keeps the data.
 */
class ApplicationRestartIntegrationTests {

    private final List<Process> started = new ArrayList<>();
    private Path dataDirectory;

    @Test
    void restartsAfterKillNineWithItsDataIntact() throws Exception {
        dataDirectory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-");
        int httpPort = freePort();
        int databasePort = freePort();

        Process first = startPaydeck(httpPort, databasePort);
        awaitHealthy(httpPort, first);
        execute(databasePort, "create table restart_marker (value text)",
                "insert into restart_marker values ('kept')");

        first.destroyForcibly().waitFor();
        long orphanedPostgres = postmasterPid();
        assertThat(ProcessHandle.of(orphanedPostgres).map(ProcessHandle::isAlive)).hasValue(true);

        Process second = startPaydeck(httpPort, databasePort);
        awaitHealthy(httpPort, second);
        assertThat(queryMarker(databasePort)).isEqualTo("kept");
        assertThat(poolConnectionsOverUnixSocket(databasePort))
                .as("the pool reaches its embedded PostgreSQL through the Unix-domain socket, TCP stays open")
                .isPositive();
        assertThat(ProcessHandle.of(orphanedPostgres).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        second.destroy();
        assertThat(second.waitFor()).isNotNegative();
        long postgresOfSecondRun = postmasterPidOrZero();
        assertThat(postgresOfSecondRun == 0 || ProcessHandle.of(postgresOfSecondRun).isEmpty()
                || !ProcessHandle.of(postgresOfSecondRun).get().isAlive())
                .as("a graceful stop also stops the embedded PostgreSQL").isTrue();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor();
        }
        if (dataDirectory != null) {
            long pid = postmasterPidOrZero();
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private Process startPaydeck(int httpPort, int databasePort) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.paydeck.PaydeckApplication",
                "--server.port=" + httpPort,
                "--paydeck.data-directory=" + dataDirectory,
                "--paydeck.database.url=",
                "--paydeck.database.embedded-port=" + databasePort)
                .redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("paydeck-" + started.size() + ".log").toFile())
                .start();
        started.add(process);
        return process;
    }

    private static void awaitHealthy(int port, Process process) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("Paydeck process exited early").isTrue();
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"embedded\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Paydeck did not become healthy in time");
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).getFirst().trim());
    }

    private long postmasterPidOrZero() {
        try {
            return postmasterPid();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void execute(int port, String... statements) throws SQLException, IOException {
        try (Connection connection = connect(port); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String queryMarker(int port) throws SQLException, IOException {
        try (Connection connection = connect(port); var statement = connection.createStatement();
             var result = statement.executeQuery("select value from restart_marker")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    /** Paydeck's own connections to its database that came through the Unix-domain socket (no client address). */
    private int poolConnectionsOverUnixSocket(int port) throws SQLException, IOException {
        try (Connection connection = connect(port); var statement = connection.createStatement();
             var result = statement.executeQuery("select count(*) from pg_stat_activity where datname = 'paydeck' "
                     + "and backend_type = 'client backend' and client_addr is null")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** As an operator connects: with the password Paydeck generated beside the master key. */
    private Connection connect(int port) throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/paydeck", "postgres",
                Files.readString(dataDirectory.resolve("postgres.password")).strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
