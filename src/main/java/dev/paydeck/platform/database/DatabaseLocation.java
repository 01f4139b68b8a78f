package dev.paydeck.platform.database;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the database is. Closing it stops the embedded server, if this process started one; the data source
 * depends on it, so the pool closes first.
 */
public final class DatabaseLocation implements AutoCloseable {

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    private final EmbeddedPostgresServer embeddedServer;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private DatabaseLocation(EmbeddedPostgresServer embeddedServer, String jdbcUrl, String user, String password) {
        this.embeddedServer = embeddedServer;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    static DatabaseLocation embedded(EmbeddedPostgresServer server) {
        return new DatabaseLocation(server, server.jdbcUrl(), EmbeddedPostgresServer.USER, server.password());
    }

    static DatabaseLocation external(String jdbcUrl, String user, String password) {
        return new DatabaseLocation(null, jdbcUrl.trim(), blankToNull(user), blankToNull(password));
    }

    public boolean isEmbedded() {
        return embeddedServer != null;
    }

    /**
     * A description for logs and the start-up report: never contains a password. For the embedded server, what
     * psql needs: port, socket directory, user and where the password is.
     */
    public String describe() {
        if (isEmbedded()) {
            return "embedded PostgreSQL on 127.0.0.1:" + embeddedServer.port()
                    + embeddedServer.unixSocket().map(socket -> " and socket directory " + socket.getParent())
                            .orElse("")
                    + ", database " + EmbeddedPostgresServer.DATABASE + ", user " + EmbeddedPostgresServer.USER
                    + ", password in " + embeddedServer.passwordFile()
                    + " (data in " + embeddedServer.dataDirectory() + ")";
        }
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        String withoutPassword = PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutPassword).replaceAll("//***@");
    }

    /** The embedded server's Unix-domain socket, which the pool uses instead of TCP when there is one. */
    Optional<Path> unixSocket() {
        return isEmbedded() ? embeddedServer.unixSocket() : Optional.empty();
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
