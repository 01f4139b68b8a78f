package dev.paydeck.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StalePostmasterTests {

    @TempDir
    Path data;

    @Test
    void removesALockFileWhoseProcessIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(data.resolve("postmaster.pid"), finished.pid() + "\n" + data + "\n");

        new StalePostmaster(data).stopIfRunning();

        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void neverStopsAProcessThatIsNotOurPostgres() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), sleeper.pid() + "\n" + data + "\n");

            new StalePostmaster(data).stopIfRunning();

            assertThat(sleeper.isAlive()).isTrue();
            assertThat(data.resolve("postmaster.pid")).doesNotExist();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void doesNothingWithoutALockFile() {
        new StalePostmaster(data).stopIfRunning();

        assertThat(new StalePostmaster(data).recordedPid()).isEmpty();
    }
}
