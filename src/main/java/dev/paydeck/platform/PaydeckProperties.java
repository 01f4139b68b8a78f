package dev.paydeck.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * Paydeck's own settings ({@code paydeck.*} in application.yml; every one is documented in the README).
 *
 * @param dataDirectory where Paydeck keeps its files (the embedded database, generated keys)
 * @param publicUrl     the address people and Stripe use to reach this instance
 * @param database      which PostgreSQL to use
 * @param sandbox       the built-in Stripe-compatible sandbox
 * @param webhooks      inbound Stripe webhooks
 * @param http          limits on incoming requests
 */
@ConfigurationProperties("paydeck")
public record PaydeckProperties(
        Path dataDirectory,
        String publicUrl,
        Database database,
        Sandbox sandbox,
        Webhooks webhooks,
        Http http) {

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
     */
    public record Sandbox(boolean enabled, double rateLimit) {
    }

    /** @param enabled accept Stripe webhooks under /webhooks */
    public record Webhooks(boolean enabled) {
    }

    /** @param maxBodySize the largest request body accepted; larger ones get 413 */
    public record Http(DataSize maxBodySize) {
    }
}
