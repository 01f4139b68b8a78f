package dev.paydeck.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

    /** 400 for a request with invalid fields, each named ({@code field}) with what is wrong ({@code message}). */
    public static ProblemDetail invalidFields(List<? extends Map<String, ?>> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** 401: no valid API key or token came with the request. */
    public static ProblemDetail unauthenticated() {
        return of(HttpStatus.UNAUTHORIZED, "unauthorized",
                "Authentication is required: send a valid API key or token as 'Authorization: Bearer ...'.");
    }

    /** 403: the caller's role may not do this; {@code detail} says why, or null for the general reason. */
    public static ProblemDetail forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", detail != null ? detail : "Your role does not allow this action.");
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
