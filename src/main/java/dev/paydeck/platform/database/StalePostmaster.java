package dev.paydeck.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server left running by an earlier run of Paydeck that was killed (e.g. {@code kill -9}) before
 * it could stop it. PostgreSQL's lock file {@code postmaster.pid} names its process and data directory; we stop
 * that process only when it really is a postgres serving our directory, never a process that reused the pid.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final Path pidFile;

    StalePostmaster(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.pidFile = dataDirectory.resolve("postmaster.pid");
    }

    Optional<Long> recordedPid() {
        return lines().flatMap(lines -> lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst()));
    }

    void stopIfRunning() {
        Optional<List<String>> lines = lines();
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = recordedPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isOurPostgres(process.get(), lines.get())) {
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", process.get().pid(),
                    dataDirectory);
            stop(process.get());
        } else {
            // The process is gone or is not our postgres: the lock file is stale and would block the start.
            log.info("Removing stale {} (pid {} is not a running postgres for this directory)", pidFile,
                    recordedPid().map(String::valueOf).orElse("?"));
            deletePidFile();
        }
    }

    private boolean isOurPostgres(ProcessHandle process, List<String> pidFileLines) {
        String command = process.info().command().orElse("");
        boolean isPostgres = Path.of(command).getFileName() != null
                && Path.of(command).getFileName().toString().startsWith("postgres");
        boolean sameDirectory = pidFileLines.size() > 1
                && Path.of(pidFileLines.get(1).trim()).toAbsolutePath().normalize().equals(dataDirectory);
        return isPostgres && sameDirectory;
    }

    private void stop(ProcessHandle process) {
        // SIGTERM asks for a "smart" shutdown: the dead run's connections are gone, so it finishes quickly.
        process.destroy();
        Instant deadline = Instant.now().plus(SHUTDOWN_WAIT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        if (process.isAlive()) {
            log.warn("PostgreSQL (pid {}) did not stop in {}s; killing it", process.pid(), SHUTDOWN_WAIT.toSeconds());
            process.destroyForcibly();
            while (process.isAlive()) {
                sleep();
            }
            deletePidFile();
        }
    }

    private Optional<List<String>> lines() {
        try {
            return Files.exists(pidFile) ? Optional.of(Files.readAllLines(pidFile)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove stale " + pidFile, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a stale PostgreSQL", e);
        }
    }
}
