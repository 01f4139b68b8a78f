package dev.paydeck.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Paydeck in a JVM of its own, as on another machine: the test classpath, its own data directory (with the suite's
 * keys, as a second machine is given the same ones) and its own output file. Unlike an instance in the test JVM, it
 * can be killed for real ({@link Process#destroyForcibly()} is SIGKILL on Linux: no shutdown hook, no clean-up).
 */
public final class PaydeckProcess {

    private PaydeckProcess() {
    }

    /** Starts it with these command-line arguments (they override application.yml); its output goes to {@code log}. */
    public static Process start(Path dataDirectory, Path log, String... args) throws IOException {
        return start(List.of(), dataDirectory, log, args);
    }

    /** Starts it with these JVM options (a heap limit, say) and command-line arguments. */
    public static Process start(List<String> jvmOptions, Path dataDirectory, Path log, String... args)
            throws IOException {
        Files.createDirectories(dataDirectory);
        for (String key : new String[] {"master.key", "jwt-signing.key"}) {
            Files.copy(Path.of("target", "test-data", key), dataDirectory.resolve(key),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Starts in about half the time on a busy machine; it runs for seconds, not long enough to need C2.
                "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                "dev.paydeck.PaydeckApplication",
                "--paydeck.data-directory=" + dataDirectory.toAbsolutePath()));
        command.addAll(SharedJobTimings.addedTo(List.of(args)));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
