package dev.paydeck.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's {@code pg_hba.conf}, written by Paydeck before every start so that what the server accepts
 * never depends on what an earlier version (or initdb's defaults) left there: every connection, over TCP or the Unix
 * socket, proves the superuser's password with SCRAM-SHA-256.
 */
final class HostBasedAuthentication {

    static final String FILE_NAME = "pg_hba.conf";

    private static final String HEADER = """
            # Written by Paydeck at each start of its embedded PostgreSQL; edits here are overwritten.
            # Every connection needs the password kept beside the data directory (postgres.password).
            """;

    private static final String PASSWORD_EVERYWHERE = """
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private HostBasedAuthentication() {
    }

    /** Every connection needs the password. */
    static void requirePassword(Path dataDirectory) {
        write(dataDirectory, PASSWORD_EVERYWHERE);
    }

    /**
     * For the one start that gives a password to a server without a known one (made by an earlier version, which
     * trusted every local connection and set none, or whose password file was deleted): until it is set, the server
     * trusts only its Unix socket, whose owner-only directory lets in nobody who could not read the password file
     * anyway, and TCP already needs a password. Without a socket (a path too long for one, Windows), TCP from
     * 127.0.0.1 is trusted for that moment, as earlier versions always did.
     */
    static void trustOwnerWhileSettingPassword(Path dataDirectory, boolean overUnixSocket) {
        write(dataDirectory, overUnixSocket
                ? """
                  local   all   all                  trust
                  host    all   all   127.0.0.1/32   scram-sha-256
                  host    all   all   ::1/128        scram-sha-256
                  """
                : """
                  host    all   all   127.0.0.1/32   trust
                  """);
    }

    private static void write(Path dataDirectory, String rules) {
        try {
            Files.writeString(dataDirectory.resolve(FILE_NAME), HEADER + rules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dataDirectory.resolve(FILE_NAME), e);
        }
    }
}
