package dev.paydeck.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Paydeck's own settings ({@code paydeck.*} in application.yml; every one is documented in the README).
 *
 * @param dataDirectory where Paydeck keeps its files (the embedded database, generated keys)
 * @param publicUrl     the address people and Stripe use to reach this instance
 * @param database      which PostgreSQL to use
 * @param sandbox       the built-in Stripe-compatible sandbox
 * @param webhooks      inbound Stripe webhooks
 * @param http          limits on incoming requests
 * @param sandboxOnly   serve only the sandbox (its API, pages and health): a stand-alone Stripe emulator
 */
@ConfigurationProperties("paydeck")
public record PaydeckProperties(
        Path dataDirectory,
        String publicUrl,
        Database database,
        Sandbox sandbox,
        Webhooks webhooks,
        Http http,
        boolean sandboxOnly) {

    /**
     * @param url      JDBC URL of an external PostgreSQL; blank starts the embedded one
     * @param user     user of the external database
     * @param password password of the external database (never logged)
     * @param embeddedPort port of the embedded PostgreSQL; 0 picks a free one
     */
    public record Database(String url, String user, String password, int embeddedPort) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * @param enabled   serve the Stripe-compatible sandbox under /sandbox
     * @param rateLimit operations per second per sandbox account before 429 (0 = no limit)
     * @param port      the port of its own where the sandbox also serves the Stripe API at the root (/v1/...);
     *                  0 = off
     * @param address   the address that port is bound to
     */
    public record Sandbox(boolean enabled, double rateLimit, int port, String address) {

        /** The API at the root of its own port, e.g. {@code http://127.0.0.1:12111}; empty when that port is off. */
        public Optional<String> rootApiBase() {
            if (!enabled || port <= 0) {
                return Optional.empty();
            }
            String host = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
                    ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
            return Optional.of("http://" + host + ":" + port);
        }
    }

    /** @param enabled accept Stripe webhooks under /webhooks */
    public record Webhooks(boolean enabled) {
    }

    /** @param maxBodySize the largest request body accepted; larger ones get 413 */
    public record Http(DataSize maxBodySize) {
    }
}
