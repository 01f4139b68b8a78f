package dev.paydeck.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code Stripe-Signature} header read strictly, before stripe-java checks the HMAC: {@code t=<seconds>} once,
 * then one or more {@code v1=<signature>} (other schemes, such as {@code v0}, are allowed and ignored). stripe-java
 * parses the header with {@code Long.parseLong} and {@code split} without guarding either, so a timestamp that is not
 * a number (or too big for one), or an item without {@code =}, escapes from it as an unchecked exception; a header
 * this record accepts is one stripe-java reads without one.
 * The signatures themselves are left to stripe-java, which compares them in constant time (any one of several
 * {@code v1} may match, as Stripe sends during a secret roll).
 *
 * @param timestamp the signed time, in seconds since the epoch
 */
record StripeSignatureHeader(long timestamp) {

    /** More digits may not fit in a {@code long}; no real timestamp comes near. */
    private static final int MAX_TIMESTAMP_DIGITS = 18;

    /** The header's parts, or empty when it is not {@code t=<digits>} once and {@code v1=<signature>} at least once. */
    static Optional<StripeSignatureHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Long timestamp = null;
        boolean signed = false;
        for (String item : header.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                return Optional.empty();
            }
            String key = item.substring(0, equals);
            String value = item.substring(equals + 1);
            if (key.equals("t")) {
                if (timestamp != null || !isTimestamp(value)) {
                    return Optional.empty();
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                signed = true;
            }
        }
        if (timestamp == null || timestamp <= 0 || !signed) {
            return Optional.empty();
        }
        return Optional.of(new StripeSignatureHeader(timestamp));
    }

    /**
     * Whether the signed time is within {@code tolerance} of {@code now}, on either side: an old one is a replay; one
     * far ahead would stay valid long after it was captured (stripe-java checks only the first).
     */
    boolean within(Duration tolerance, Instant now) {
        return Math.abs(now.getEpochSecond() - timestamp) <= tolerance.toSeconds();
    }

    private static boolean isTimestamp(String value) {
        if (value.isEmpty() || value.length() > MAX_TIMESTAMP_DIGITS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
