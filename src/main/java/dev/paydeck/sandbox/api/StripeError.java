package dev.paydeck.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered the way Stripe answers it: an HTTP status and {@code {"error": {type, code, decline_code,
 * message, param, ...}}}. Thrown anywhere in the sandbox; the API controller renders it.
 */
public final class StripeError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String declineCode;
    private final String param;
    private final Map<String, Object> extra;

    private StripeError(Builder builder) {
        super(builder.message, null, false, false);
        this.status = builder.status;
        this.type = builder.type;
        this.code = builder.code;
        this.declineCode = builder.declineCode;
        this.param = builder.param;
        this.extra = builder.extra;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String declineCode() {
        return declineCode;
    }

    public String param() {
        return param;
    }

    /** The {@code error} object of Stripe's error body. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        if (code != null) {
            error.put("code", code);
        }
        if (declineCode != null) {
            error.put("decline_code", declineCode);
        }
        if (code != null) {
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.putAll(extra);
        error.put("type", type);
        return error;
    }

    public static StripeError parameterUnknown(String param) {
        return new Builder(400).code("parameter_unknown").param(param)
                .message("Received unknown parameter: " + param).build();
    }

    public static StripeError parameterMissing(String param) {
        return new Builder(400).code("parameter_missing").param(param)
                .message("Missing required param: " + param + ".").build();
    }

    public static StripeError parameterInvalidInteger(String param, Object value) {
        return new Builder(400).code("parameter_invalid_integer").param(param)
                .message("Invalid integer: " + value).build();
    }

    public static StripeError invalid(String param, String message) {
        return new Builder(400).param(param).message(message).build();
    }

    /** {@code No such customer: 'cus_123'}, as Stripe words a missing object. */
    public static StripeError resourceMissing(String objectName, String id, String param) {
        return new Builder(404).code("resource_missing").param(param)
                .message("No such " + objectName + ": '" + id + "'").build();
    }

    /**
     * Stripe's {@code payment_intent_unexpected_state}, which carries the PaymentIntent as the error's
     * {@code payment_intent} (stripe-java: {@code getStripeError().getPaymentIntent()}).
     */
    public static StripeError unexpectedState(String message, Object paymentIntent) {
        return new Builder(400).code("payment_intent_unexpected_state").message(message)
                .with("payment_intent", paymentIntent).build();
    }

    public static Builder builder(int status) {
        return new Builder(status);
    }

    public static final class Builder {
        private final int status;
        private String type = "invalid_request_error";
        private String code;
        private String declineCode;
        private String param;
        private String message = "Invalid request.";
        private final Map<String, Object> extra = new LinkedHashMap<>();

        public Builder(int status) {
            this.status = status;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder declineCode(String declineCode) {
            this.declineCode = declineCode;
            return this;
        }

        public Builder param(String param) {
            this.param = param;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** Extra fields of the error object, e.g. {@code payment_intent} for a declined confirmation. */
        public Builder with(String field, Object value) {
            extra.put(field, value);
            return this;
        }

        public StripeError build() {
            return new StripeError(this);
        }
    }
}
