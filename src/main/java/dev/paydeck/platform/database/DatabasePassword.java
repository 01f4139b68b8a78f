package dev.paydeck.platform.database;

import dev.paydeck.platform.SecretFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

/**
 * The embedded PostgreSQL superuser's password: random, generated once into a file beside the master key
 * ({@code <data dir>/postgres.password}), readable by its owner only, so that psql and other tools of the operator
 * find it there and nobody else on the machine can connect.
 */
final class DatabasePassword {

    static final String FILE_NAME = "postgres.password";

    private static final int RANDOM_BYTES = 24;

    private final Path file;
    private final Path pending;

    DatabasePassword(Path file) {
        this.file = file;
        this.pending = file.resolveSibling(file.getFileName() + ".pending");
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The password, generated into the file at first use (before initdb, which reads it from there). */
    String readOrCreate() {
        return text(SecretFile.readOrCreate(file, RANDOM_BYTES));
    }

    /**
     * A password for a server that has none yet, kept aside until {@link #confirmPending()}: if the server stops
     * before it was set, the next start finds no password file and sets this one again, instead of trusting a file
     * whose password the server never learnt.
     */
    String pending() {
        return text(SecretFile.readOrCreate(pending, RANDOM_BYTES));
    }

    /** The server now has the pending password: it becomes the password. */
    void confirmPending() {
        try {
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + pending + " to " + file, e);
        }
    }

    /** The file holds the base64 text that {@link SecretFile} wrote, which is the password itself. */
    private static String text(byte[] secret) {
        return Base64.getEncoder().encodeToString(secret);
    }
}
