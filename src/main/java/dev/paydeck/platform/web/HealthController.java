package dev.paydeck.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.StripeStatus;
import dev.paydeck.platform.PaydeckVersion;
import dev.paydeck.platform.database.DatabaseLocation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A public health summary for operators and load balancers. */
@RestController
@Tag(name = "Health")
class HealthController {

    private final DatabaseCheck databaseCheck;
    private final DatabaseLocation database;
    private final StripeStatus stripe;
    private final PaydeckProperties properties;
    private final PaydeckVersion version;

    HealthController(DatabaseCheck databaseCheck, DatabaseLocation database, StripeStatus stripe, PaydeckProperties properties,
            PaydeckVersion version) {
        this.databaseCheck = databaseCheck;
        this.database = database;
        this.stripe = stripe;
        this.properties = properties;
        this.version = version;
    }

    /**
     * @param status          {@code UP} when the database answers, else {@code DOWN} (with HTTP 503)
     * @param database        {@code embedded} or {@code external}
     * @param stripe          {@code sandbox}, {@code test}, {@code live} or {@code not_configured}
     * @param webhooksEnabled whether Stripe webhooks are accepted
     */
    record Health(String status, String version, String database, String stripe,
            @JsonProperty("webhooks_enabled") boolean webhooksEnabled) {
    }

    @GetMapping("/health")
    @io.swagger.v3.oas.annotations.security.SecurityRequirements
    @Operation(summary = "Health of this Paydeck instance", description = "Public. 200 when the database answers, "
            + "503 otherwise. Never includes a secret.")
    ResponseEntity<Health> health() {
        boolean up = databaseCheck.answers();
        Health health = new Health(up ? "UP" : "DOWN", version.value(),
                database.isEmbedded() ? "embedded" : "external", stripe.mode(),
                properties.webhooks().enabled());
        return ResponseEntity.status(up ? 200 : 503).body(health);
    }
}
