package dev.paydeck.organizations.web;

import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * Answers failed Stripe calls as problem+json: card errors with Stripe's {@code code} and {@code decline_code}
 * and a message a customer understands; Stripe outages as 503 (the record stays pending until Paydeck learns the
 * outcome from Stripe); refused keys as 502.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StripeFailureAdvice {

    /** Messages for customers, by decline code or error code. */
    static final Map<String, String> CUSTOMER_MESSAGES = Map.ofEntries(
            Map.entry("generic_decline", "Your card was declined. Please use another card or contact your bank."),
            Map.entry("card_declined", "Your card was declined. Please use another card or contact your bank."),
            Map.entry("insufficient_funds", "Your card has insufficient funds. Please use another card."),
            Map.entry("expired_card", "Your card has expired. Please use another card."),
            Map.entry("incorrect_cvc", "Your card's security code is incorrect. Please check it and try again."),
            Map.entry("incorrect_number", "Your card number is incorrect. Please check it and try again."),
            Map.entry("processing_error", "An error occurred while processing your card. Please try again."),
            Map.entry("authentication_required", "Your bank asks you to confirm this payment (3-D Secure). "
                    + "Please pay again while you are present to authenticate."),
            Map.entry("payment_intent_authentication_failure", "The payment could not be authenticated with your "
                    + "bank. Please try again or use another card."));

    @ExceptionHandler(StripeFailure.class)
    ResponseEntity<ProblemDetail> failed(StripeFailure failure) {
        ProblemDetail problem = switch (failure.kind()) {
            case CARD -> {
                ProblemDetail card = Problems.of(HttpStatus.PAYMENT_REQUIRED, "card-declined", customerMessage(failure));
                card.setProperty("code", failure.code());
                if (failure.declineCode() != null) {
                    card.setProperty("decline_code", failure.declineCode());
                }
                yield card;
            }
            case INVALID_REQUEST -> {
                ProblemDetail invalid = Problems.of(HttpStatus.BAD_REQUEST, "stripe-invalid-request",
                        failure.stripeMessage());
                if (failure.code() != null) {
                    invalid.setProperty("code", failure.code());
                }
                if (failure.param() != null) {
                    invalid.setProperty("param", failure.param());
                }
                yield invalid;
            }
            case CREDENTIALS -> Problems.of(HttpStatus.BAD_GATEWAY, "stripe-credentials",
                    "Stripe refused this organization's keys: " + failure.stripeMessage()
                            + " An owner or admin should check the Stripe keys.");
            case UNAVAILABLE -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "stripe-unavailable",
                    "Stripe could not be reached or did not answer. Nothing was lost: the record is kept as pending "
                            + "and Paydeck will learn the outcome from Stripe. Retry with the same Idempotency-Key "
                            + "to be safe.");
        };
        failure.details().forEach(problem::setProperty);
        if (failure.requestId() != null) {
            problem.setProperty("stripe_request_id", failure.requestId());
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    static String customerMessage(StripeFailure failure) {
        String byDecline = failure.declineCode() == null ? null : CUSTOMER_MESSAGES.get(failure.declineCode());
        if (byDecline != null) {
            return byDecline;
        }
        String byCode = failure.code() == null ? null : CUSTOMER_MESSAGES.get(failure.code());
        return byCode != null ? byCode : failure.stripeMessage();
    }
}
