package dev.paydeck.shared.web;

import java.io.IOException;

/** A request body went past {@code paydeck.http.max-body-size} while it was being read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
