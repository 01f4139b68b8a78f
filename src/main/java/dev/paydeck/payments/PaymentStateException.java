package dev.paydeck.payments;

/** The payment is not in a state that allows this (answered 409 with the reason). */
public class PaymentStateException extends RuntimeException {

    public PaymentStateException(String message) {
        super(message);
    }
}
