package dev.paydeck.webhooks.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.shared.web.Problems;
import dev.paydeck.webhooks.ResyncFailedException;
import dev.paydeck.shared.mirror.StripeResync;
import dev.paydeck.webhooks.StripeWebhooks;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Resync: repair Paydeck's copies of customers and payments from the organization's Stripe. */
@RestController
@Tag(name = "Webhook events")
class ResyncApiController {

    private final StripeWebhooks webhooks;

    ResyncApiController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    record ResyncResult(List<StripeResync.Report> reports) {
    }

    @PostMapping("/api/v1/resync")
    @ExampleAnswer(description = "What was checked and what changed", value = """
            {"reports": [{"objects": "customers", "checked": 42,
                          "changes": ["cus_QxYbX2eZvKYlo2: updated from Stripe"]},
                         {"objects": "payment_intents", "checked": 118,
                          "changes": ["pi_3QxYbX2eZvKYlo2C1aBcDeFg: processing → succeeded"]}]}""")
    @Operation(summary = "Re-read customers and payments from Stripe", description = "Reads every customer and "
            + "PaymentIntent of the organization's Stripe (paged) and repairs the local copies: missed events, "
            + "changes made while Paydeck was down, objects made in the Stripe dashboard. Reports what changed. "
            + "A payment that is succeeded or canceled here is never changed.")
    ResyncResult resync(Caller caller) {
        caller.requireAdmin();
        return new ResyncResult(webhooks.resync(caller.organization()));
    }

    @ExceptionHandler(ResyncFailedException.class)
    ResponseEntity<ProblemDetail> failed(ResyncFailedException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Problems.of(HttpStatus.BAD_GATEWAY,
                "stripe-unavailable", e.getMessage()));
    }
}
