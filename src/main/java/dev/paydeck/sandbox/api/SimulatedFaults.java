package dev.paydeck.sandbox.api;

/**
 * Stripe's own failures, on purpose, for an account whose fault setting asks for one (so a program can see how it
 * copes): {@code unavailable} fails a request before it runs; {@code lose_response} lets it run (its idempotent
 * result is kept) and then "loses" the answer.
 */
final class SimulatedFaults {

    private SimulatedFaults() {
    }

    static void beforeRunning(SandboxAccount account, String requestId) {
        if ("unavailable".equals(account.fault())) {
            throw outage(requestId);
        }
    }

    static void afterRunning(SandboxAccount account, String requestId) {
        if ("lose_response".equals(account.fault())) {
            throw outage(requestId);
        }
    }

    /** What Stripe answers when it has a problem of its own. */
    private static StripeError outage(String requestId) {
        return StripeError.builder(500).type("api_error")
                .message("An unknown error occurred (simulated by this sandbox account's fault setting; request "
                        + requestId + ").")
                .build();
    }
}
