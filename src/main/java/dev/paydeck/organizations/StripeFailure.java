package dev.paydeck.organizations;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;

/**
 * A call to an organization's Stripe that failed, sorted by what the caller can do about it. Carries Stripe's
 * codes and message (never a key). Thrown by modules that call Stripe; answered as problem+json by
 * {@code StripeFailureAdvice}.
 */
public class StripeFailure extends RuntimeException {

    /** What went wrong, from the caller's side. */
    public enum Kind {
        /** The card was declined or needs authentication: the customer can try another card (402). */
        CARD,
        /** Stripe refused the request as invalid (400). */
        INVALID_REQUEST,
        /** Stripe refused the organization's keys or their permissions (502: Paydeck's configuration). */
        CREDENTIALS,
        /** Stripe could not be reached, timed out, failed or rate-limited: the outcome is unknown (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String declineCode;
    private final String stripeMessage;
    private final String param;
    private final String requestId;
    private final java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();

    private StripeFailure(Kind kind, String code, String declineCode, String stripeMessage, String param,
            String requestId) {
        super(kind + ": " + stripeMessage, null, false, false);
        this.kind = kind;
        this.code = code;
        this.declineCode = declineCode;
        this.stripeMessage = stripeMessage;
        this.param = param;
        this.requestId = requestId;
    }

    public static StripeFailure from(StripeException e) {
        var error = e.getStripeError();
        String message = error != null && error.getMessage() != null ? error.getMessage() : e.getClass().getSimpleName();
        String code = e.getCode();
        String param = error != null ? error.getParam() : null;
        Kind kind;
        if (e instanceof CardException) {
            kind = Kind.CARD;
        } else if (e instanceof AuthenticationException || e instanceof PermissionException) {
            kind = Kind.CREDENTIALS;
        } else if (e instanceof ApiConnectionException || e instanceof ApiException || e instanceof RateLimitException) {
            kind = Kind.UNAVAILABLE;
        } else if (e instanceof InvalidRequestException || e instanceof IdempotencyException) {
            kind = e.getStatusCode() != null && e.getStatusCode() >= 500 ? Kind.UNAVAILABLE : Kind.INVALID_REQUEST;
        } else {
            kind = Kind.UNAVAILABLE;
        }
        return new StripeFailure(kind, code, error != null ? error.getDeclineCode() : null, message, param,
                e.getRequestId());
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String declineCode() {
        return declineCode;
    }

    public String stripeMessage() {
        return stripeMessage;
    }

    public String param() {
        return param;
    }

    public String requestId() {
        return requestId;
    }

    /** Adds something the caller needs to go on (e.g. the id of the payment that was declined). */
    public StripeFailure with(String field, Object value) {
        details.put(field, value);
        return this;
    }

    public java.util.Map<String, Object> details() {
        return java.util.Collections.unmodifiableMap(details);
    }

    /** Whether the request may have taken effect in Stripe although no answer came back. */
    public boolean outcomeUnknown() {
        return kind == Kind.UNAVAILABLE;
    }
}
