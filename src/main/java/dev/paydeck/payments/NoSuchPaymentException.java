package dev.paydeck.payments;

/** No payment with this id in the caller's organization (answered 404, whoever else might own the id). */
public class NoSuchPaymentException extends RuntimeException {

    public NoSuchPaymentException() {
        super("There is no such payment.");
    }
}
