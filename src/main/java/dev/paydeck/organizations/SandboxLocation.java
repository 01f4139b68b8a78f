package dev.paydeck.organizations;

import dev.paydeck.platform.PaydeckProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where Paydeck reaches its sandbox: {@code paydeck.sandbox.api-base} when set (a sandbox run elsewhere), else this
 * instance's own {@code /sandbox} on loopback. Paydeck reaches it only over HTTP, as it reaches real Stripe.
 */
@Component
class SandboxLocation {

    private final PaydeckProperties properties;
    private final Environment environment;
    private final String configured;

    SandboxLocation(PaydeckProperties properties, Environment environment,
            @Value("${paydeck.sandbox.api-base:}") String configured) {
        this.properties = properties;
        this.environment = environment;
        this.configured = configured;
    }

    boolean available() {
        return !configured.isBlank() || properties.sandbox().enabled();
    }

    /** Whether the sandbox is this instance's own (its pages are then at this instance's {@code /sandbox}). */
    boolean servedHere() {
        return configured.isBlank() && properties.sandbox().enabled();
    }

    String apiBase() {
        if (!configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + "/sandbox";
    }
}
