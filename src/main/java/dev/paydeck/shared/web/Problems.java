package dev.paydeck.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * The one way Paydeck builds RFC 9457 problem details: a stable {@code type} URI per kind of problem, the
 * standard reason phrase as {@code title}, and a {@code detail} written for the person reading it.
 */
public final class Problems {

    private static final String TYPE_BASE = "https://paydeck.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        return problem;
    }

    /** A type name for a status when nothing more specific applies, e.g. 404 → {@code not-found}. */
    public static String typeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase().replace('_', '-');
    }

    public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
        return of(status, typeFor(status), detail != null ? detail : defaultDetail(status));
    }

    /** A plain-words explanation of a status, for when nothing more specific is known. */
    public static String defaultDetail(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return status.is5xxServerError() ? "Something went wrong on our side. Please try again in a moment."
                    : "The request could not be handled.";
        }
        return switch (known) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
            case BAD_REQUEST -> "The request could not be understood.";
            case UNAUTHORIZED -> "Please sign in first.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case CONTENT_TOO_LARGE -> "The request is too large.";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported here.";
            case NOT_ACCEPTABLE -> "This address cannot answer in the requested format.";
            default -> known.is5xxServerError() ? "Something went wrong on our side. Please try again in a moment."
                    : known.getReasonPhrase() + ".";
        };
    }
}
