package dev.paydeck.shared.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which field of a JSON body could not be read, and why, said as a caller can fix it: a field the request does not
 * have (a typo, or camelCase for snake_case), or a value of the wrong type. Like Stripe, Paydeck refuses unknown
 * fields rather than ignoring them, so a misspelt {@code customer_email} never makes a payment without a customer.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    /** The field error for a JSON body that was well formed but did not fit, or nothing when it was not JSON at all. */
    static Optional<Map<String, String>> fieldError(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return Optional.of(Map.of("field", path(unknown), "message", "is not a field of this request"
                        + known(unknown.getKnownPropertyIds())));
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return Optional.of(Map.of("field", path(mismatch), "message", expected(mismatch.getTargetType())));
            }
            if (cause instanceof InputCoercionException tooLarge && !tooLarge.getPath().isEmpty()) {
                return Optional.of(Map.of("field", path(tooLarge), "message", "is too large"));
            }
        }
        return Optional.empty();
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String known(Collection<Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return "";
        }
        TreeSet<String> names = new TreeSet<>();
        fields.forEach(field -> names.add(String.valueOf(field)));
        return " (its fields: " + String.join(", ", names) + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == UUID.class) {
            return "must be an id like 6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }
}
