package dev.paydeck.platform.startup;

import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.StripeStatus;
import dev.paydeck.platform.database.DatabaseLocation;
import dev.paydeck.platform.PaydeckVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator wants to see once Paydeck is up: version, database, Stripe mode per organization, webhooks and
 * the addresses to open (in sandbox-only mode: the sandbox's API, its pages and health, all that answers then).
 * Built only from descriptions that carry no secret.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final PaydeckProperties properties;
    private final DatabaseLocation database;
    private final StripeStatus stripe;
    private final PaydeckVersion version;
    private final String mailServer;

    StartupReport(PaydeckProperties properties, DatabaseLocation database, StripeStatus stripe,
            PaydeckVersion version, @Value("${spring.mail.host:}") String mailHost,
            @Value("${spring.mail.port:587}") int mailPort) {
        this.properties = properties;
        this.database = database;
        this.stripe = stripe;
        this.version = version;
        this.mailServer = mailHost == null || mailHost.isBlank() ? null : mailHost.strip() + ":" + mailPort;
    }

    @EventListener
    void report(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null ? web.getWebServer().getPort() : -1;
        log.info(String.join(System.lineSeparator(), lines(port)));
    }

    List<String> lines(int port) {
        String local = "http://localhost:" + port;
        List<String> lines = new ArrayList<>();
        lines.add("");
        if (properties.sandboxOnly()) {
            // An emulator for other programs' tests: only what answers in this mode.
            lines.add("  Paydeck " + version.value() + " is ready, serving only the Stripe-compatible sandbox");
            lines.add("  Database : " + database.describe());
            lines.add("  Stripe   : the API at " + local + "/sandbox" + properties.sandbox().rootApiBase()
                    .map(root -> " and " + root).orElse("") + " (an SDK's API base)");
            lines.add("  Pages    : " + local + "/sandbox (accounts and their keys, test cards, events, webhooks)");
            lines.add("  Health   : " + local + "/health");
            return lines;
        }
        lines.add("  Paydeck " + version.value() + " is ready");
        lines.add("  Database : " + database.describe());
        lines.add("  Stripe   : " + stripe.mode() + (properties.sandbox().enabled()
                ? " (built-in sandbox on at " + local + "/sandbox" + properties.sandbox().rootApiBase()
                        .map(root -> ", its API also at " + root).orElse("") + ")" : " (sandbox off)"));
        for (String organization : stripe.organizations()) {
            lines.add("             " + organization);
        }
        lines.add("  Webhooks : " + (properties.webhooks().enabled()
                ? "enabled at " + properties.publicUrl() + "/webhooks/stripe/{organization}"
                        + " (or /webhooks/stripe for a single organization)" : "disabled"));
        lines.add("  Mail     : " + (mailServer == null
                ? "not sent (no SMTP server): kept in the outbox at " + local + "/app/outbox"
                : "sent through " + mailServer + ", kept in the outbox at " + local + "/app/outbox"));
        lines.add("  Open     : " + local + "/");
        lines.add("  API docs : " + local + "/docs");
        lines.add("  Health   : " + local + "/health");
        return lines;
    }
}
