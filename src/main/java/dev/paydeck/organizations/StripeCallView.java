package dev.paydeck.organizations;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A call Paydeck made to Stripe about an object, as an object's detail in the API shows it ({@link StripeCallLog}). */
public record StripeCallView(
        @Schema(example = "POST") String method,
        @Schema(example = "/v1/payment_intents") String path,
        @Schema(example = "paydeck-payment-0b6f3f0e-8a1d-4c3b-9e57-2f4d6a8c1e90") String idempotencyKey,
        @Schema(example = "req_9YfZ3bN2kLq0aT", description = "Stripe's Request-Id, to quote to Stripe support")
        String requestId,
        @Schema(example = "200", description = "Stripe's HTTP status; absent when no answer came") Integer status,
        @Schema(example = "184") int latencyMs,
        OffsetDateTime at) {

    public static StripeCallView of(StripeCallLog.Call call) {
        return new StripeCallView(call.method(), call.path(), call.idempotencyKey(), call.requestId(),
                call.status(), call.latencyMillis(), call.occurredAt().atOffset(ZoneOffset.UTC));
    }
}
