package dev.paydeck.sandbox.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * Stripe's standard card pricing by the account's country, the fee of a dispute, and how long a payment's funds stay
 * pending: plain functions of plain data.
 * <ul>
 *   <li>United States (and any country not below): 2.9% + 30¢ per successful card charge, plus 1.5% for a card
 *       issued outside the United States; a dispute costs $15.00.</li>
 *   <li>United Kingdom: 1.5% + 20p for UK cards, 2.5% + 20p for cards from the EEA, 3.25% + 20p for other
 *       international cards; a dispute costs £20.00.</li>
 *   <li>The EEA: 1.5% + €0.25 for standard EEA cards, 2.5% + €0.25 for UK cards, 3.25% + €0.25 for other
 *       international cards; a dispute costs €20.00.</li>
 * </ul>
 * The fixed part is in the account's currency; a charge in another currency stays in its own currency here (the
 * sandbox converts nothing, so it adds no currency-conversion fee) and takes the same number of minor units
 * (a hundredth of them for zero-decimal currencies). Funds become available at midnight UTC a number of days after
 * the charge: 2 in the United States, 3 elsewhere (Stripe's standard payout delay); refunds and disputes take
 * funds at once.
 */
final class Pricing {

    /** The EEA countries (and Switzerland, priced as the EEA by Stripe). */
    private static final Set<String> EEA = Set.of("AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO",
            "SE", "SI", "SK");
    private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
            "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");
    private static final long DAY = 86_400;

    /** A percentage in basis points (290 = 2.9%) plus a fixed amount in minor units. */
    record Rate(int basisPoints, long fixed) {

        long of(long amount, String currency) {
            long percent = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
            long fixedPart = ZERO_DECIMAL.contains(currency) ? Math.max(1, Math.round(fixed / 100.0)) : fixed;
            return percent + fixedPart;
        }
    }

    private Pricing() {
    }

    /** The rate for a card issued in {@code cardCountry} charged by an account in {@code accountCountry}. */
    static Rate cardRate(String accountCountry, String cardCountry) {
        if ("GB".equals(accountCountry)) {
            if ("GB".equals(cardCountry)) {
                return new Rate(150, 20);
            }
            return new Rate(EEA.contains(cardCountry) ? 250 : 325, 20);
        }
        if (EEA.contains(accountCountry)) {
            if (EEA.contains(cardCountry)) {
                return new Rate(150, 25);
            }
            return new Rate("GB".equals(cardCountry) ? 250 : 325, 25);
        }
        return new Rate(accountCountry.equals(cardCountry) ? 290 : 440, 30);
    }

    /** The fee for a successful card charge of {@code amount}. */
    static long cardFee(String accountCountry, String cardCountry, long amount, String currency) {
        return cardRate(accountCountry, cardCountry).of(amount, currency);
    }

    /** The fee Stripe charges when a payment is disputed (in the account's currency's minor units). */
    static long disputeFee(String accountCountry) {
        if ("GB".equals(accountCountry) || EEA.contains(accountCountry)) {
            return 2000;
        }
        return 1500;
    }

    /** When a charge's funds become available: midnight UTC, the account's payout delay after the charge's day. */
    static long availableOn(String accountCountry, long created) {
        return Math.floorDiv(created, DAY) * DAY + payoutDelayDays(accountCountry) * DAY;
    }

    /** How many days a charge's funds stay pending: Stripe's standard payout delay for the account's country. */
    static int payoutDelayDays(String accountCountry) {
        return "US".equals(accountCountry) ? 2 : 3;
    }
}
