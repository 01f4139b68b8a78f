package dev.paydeck.checkout.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** What the shop's and the new-payment forms check alike. */
final class Forms {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Forms() {
    }

    static boolean isEmail(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    /** The form's idempotency key if it is one Paydeck handed out (a UUID), else a fresh one (no dedupe). */
    static String idempotencyKey(String given) {
        try {
            return given == null ? UUID.randomUUID().toString() : UUID.fromString(given).toString();
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID().toString();
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
