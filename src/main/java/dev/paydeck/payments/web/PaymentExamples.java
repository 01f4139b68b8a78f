package dev.paydeck.payments.web;

/** What the payments API answers, as Swagger UI shows it: made-up ids, the shapes and names the API really sends. */
final class PaymentExamples {

    private PaymentExamples() {
    }

    /** The fields every payment answer starts with. */
    private static final String PAYMENT_START = """
            "id": "0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90", "stripe_payment_intent_id": "pi_3QxYbX2eZvKYlo2C1aBcDeFg",\
            """;

    /** A paid order's payment, but for what it has refunded and when it last changed. */
    private static final String PAID_ORDER = PAYMENT_START + """
             "status": "succeeded", "amount": 2000, "currency": "usd", "amount_formatted": "$20.00",
             "amount_received": 2000, "amount_capturable": 0, "capture_method": "automatic",
             "customer_id": "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40", "description": "Order #1042",
             "metadata": {"order_id": "1042"}, "created_at": "2026-11-24T09:30:00Z",\
            """;

    static final String SUCCEEDED = "{" + PAID_ORDER + """
             "amount_refunded": 0, "updated_at": "2026-11-24T09:30:01Z"}""";

    static final String CREATED = "{\"payment\": " + SUCCEEDED + """
            , "client_secret": "pi_3QxYbX2eZvKYlo2C1aBcDeFg_secret_4f9Kx2Example",
             "publishable_key": "pk_test_51HxAcmeExample"}""";

    static final String PAGE = "{\"data\": [" + SUCCEEDED + """
            ], "has_more": true, "next_starting_after": "0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90"}""";

    static final String CAPTURED = "{" + PAYMENT_START + """
             "status": "succeeded", "amount": 2000, "currency": "usd", "amount_formatted": "$20.00",
             "amount_received": 1500, "amount_capturable": 0, "amount_refunded": 0, "capture_method": "manual",
             "metadata": {}, "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-24T11:02:00Z"}""";

    static final String CANCELED = "{" + PAYMENT_START + """
             "status": "canceled", "amount": 2000, "currency": "usd", "amount_formatted": "$20.00",
             "amount_received": 0, "amount_capturable": 0, "amount_refunded": 0, "capture_method": "manual",
             "metadata": {}, "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-24T11:02:00Z"}""";

    static final String REFUND = """
            {"id": "e35caee2-54ad-4eca-816b-65f03cf323cd", "stripe_refund_id": "re_3QxYbX2eZvKYlo2C0aBc",
             "payment_id": "0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90", "amount": 500, "currency": "usd",
             "reason": "requested_by_customer", "status": "succeeded", "created_at": "2026-11-24T09:45:00Z"}""";

    private static final String PARTLY_REFUNDED = "{" + PAID_ORDER + """
             "amount_refunded": 500, "updated_at": "2026-11-24T09:45:00Z"}""";

    static final String DETAIL = "{\"payment\": " + PARTLY_REFUNDED + """
            , "charges": [{"id": "ch_3QxYbX2eZvKYlo2C1hIjK", "amount": 2000, "amount_captured": 2000,
                           "amount_refunded": 500, "currency": "usd", "status": "succeeded", "paid": true,
                           "captured": true, "card_brand": "visa", "card_last4": "4242", "created": 1795684201}],
             "refunds": [""" + REFUND + """
            ], "stripe_calls": [
              {"method": "POST", "path": "/v1/payment_intents",
               "idempotency_key": "paydeck-payment-0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90",
               "request_id": "req_QxYbX2eZvKYl", "status": 200, "latency_ms": 184, "at": "2026-11-24T09:30:00Z"},
              {"method": "POST", "path": "/v1/refunds",
               "idempotency_key": "paydeck-refund-7d1e3f5a-2b4c-4e6f-8a9b-0c1d2e3f4a5b",
               "request_id": "req_Rk2mVt8PzQ1n", "status": 200, "latency_ms": 121, "at": "2026-11-24T10:05:00Z"}]}""";

    static final String DECLINED = """
            {"type": "https://paydeck.dev/problems/card-declined", "title": "Payment Required", "status": 402,
             "detail": "Your card has insufficient funds.", "instance": "/api/v1/payment-intents",
             "code": "card_declined", "decline_code": "insufficient_funds", "stripe_request_id": "req_QxYbX2eZvKYl",
             "payment_id": "0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90"}""";

    static final String STRIPE_UNAVAILABLE = """
            {"type": "https://paydeck.dev/problems/stripe-unavailable", "title": "Service Unavailable", "status": 503,
             "detail": "Stripe could not be reached or did not answer. Nothing was lost: the record is kept as pending \
            and Paydeck will learn the outcome from Stripe. Retry with the same Idempotency-Key to be safe.",
             "instance": "/api/v1/payment-intents", "payment_id": "0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90"}""";

    static final String NOT_CAPTURABLE = """
            {"type": "https://paydeck.dev/problems/payment-state", "title": "Conflict", "status": 409,
             "detail": "Only an authorized payment (status requires_capture) can be captured; this one is succeeded.",
             "instance": "/api/v1/payment-intents/0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90/capture"}""";

    static final String NOT_CANCELABLE = """
            {"type": "https://paydeck.dev/problems/payment-state", "title": "Conflict", "status": 409,
             "detail": "A payment that is succeeded cannot be canceled; refund it instead.",
             "instance": "/api/v1/payment-intents/0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90/cancel"}""";

    static final String OVER_REFUND = """
            {"type": "https://paydeck.dev/problems/payment-state", "title": "Conflict", "status": 409,
             "detail": "Cannot refund $30.00: only $15.00 of this payment is left to refund.",
             "instance": "/api/v1/payment-intents/0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90/refunds"}""";
}
