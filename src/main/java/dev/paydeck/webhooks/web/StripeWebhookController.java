package dev.paydeck.webhooks.web;

import dev.paydeck.shared.web.Problems;
import dev.paydeck.webhooks.StripeWebhooks;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where Stripe sends an organization's events: {@code /webhooks/stripe/{organization}}, or {@code /webhooks/stripe}
 * for the default organization of a single-organization set-up. The body is taken as raw bytes, since the signature
 * covers them exactly (re-serialized JSON would no longer match). Answered 200 once the event is stored (or known
 * already); 400 problem+json when it cannot be verified (or, without an id, there is no default organization) —
 * Stripe retries those, which is right for a rotation in progress; 503 when a verified event cannot be stored now
 * (it is then not answered as received, and Stripe retries it).
 */
@RestController
@Hidden
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(path = {"/webhooks/stripe/{organization}", "/webhooks/stripe"},
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@PathVariable(required = false) String organization,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (!webhooks.enabled()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.forStatus(HttpStatus.NOT_FOUND, null));
        }
        if (body == null || body.length == 0) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "webhook-rejected",
                    "The request has no body."));
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        StripeWebhooks.Receipt receipt = organization == null
                ? webhooks.receiveForDefaultOrganization(payload, signature)
                : webhooks.receive(organization, payload, signature);
        return switch (receipt.outcome()) {
            case STORED -> ResponseEntity.ok(Map.of("received", true, "id", receipt.eventId()));
            case DUPLICATE -> ResponseEntity.ok(Map.of("received", true, "duplicate", true));
            case REJECTED -> ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST,
                    "webhook-rejected", "The event was not accepted: " + receipt.reason() + "."));
            case UNAVAILABLE -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "webhook-unavailable",
                            "The event was verified but " + receipt.reason() + "."));
        };
    }
}
