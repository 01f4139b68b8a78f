package dev.paydeck.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** A request body went past {@code paydeck.http.max-body-size} while it was being read. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super(detail(limit));
        this.limit = limit;
    }

    /** The 413 answer, naming the limit. */
    public ProblemDetail problem() {
        return problem(limit);
    }

    /** The 413 answer for a body over {@code limit} bytes, also for one refused before it is read. */
    public static ProblemDetail problem(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", detail(limit));
    }

    private static String detail(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes.";
    }
}
