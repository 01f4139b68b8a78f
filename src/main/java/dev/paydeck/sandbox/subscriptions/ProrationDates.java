package dev.paydeck.sandbox.subscriptions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A date as Stripe writes it in proration lines' descriptions: {@code Unused time on Basic after 15 Jan 2026}. */
final class ProrationDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ProrationDates() {
    }

    static String format(long epochSecond) {
        return FORMAT.format(Instant.ofEpochSecond(epochSecond));
    }
}
