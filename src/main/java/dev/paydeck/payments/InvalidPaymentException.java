package dev.paydeck.payments;

/** A payment request that cannot be right, naming the field. */
public class InvalidPaymentException extends RuntimeException {

    private final String field;

    public InvalidPaymentException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
