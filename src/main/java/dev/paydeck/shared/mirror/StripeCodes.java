package dev.paydeck.shared.mirror;

import java.util.Locale;
import java.util.Optional;

/**
 * Statuses are enums whose constants are Stripe's own words in upper case ({@code REQUIRES_CAPTURE} is
 * {@code requires_capture}): this is the one place that turns one into the other, for columns, JSON and parameters.
 */
public final class StripeCodes {

    private StripeCodes() {
    }

    /** Stripe's word for a status: {@code requires_capture}. */
    public static String code(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** The status for Stripe's word, if it is one of the type's. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        if (code == null || code.isEmpty() || !code.equals(code.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The status for a word Stripe or Paydeck's own table wrote; a word outside the type is a bug, not input. */
    public static <E extends Enum<E>> E of(Class<E> type, String code) {
        return parse(type, code).orElseThrow(() -> new IllegalStateException("'" + code + "' is not a "
                + type.getSimpleName()));
    }
}
