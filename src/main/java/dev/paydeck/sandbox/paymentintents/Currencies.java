package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.StripeError;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's currency rules in one place: the supported presentment currencies, the zero-decimal ones (amounts in
 * whole units), the minimum charge amount per currency (docs.stripe.com/currencies, plus COP 2,000.00 from the
 * Colombian requirements), the 8-digit maximum, and how Stripe writes amounts in its messages ({@code $0.50}).
 */
public final class Currencies {

    /** Stripe's technical maximum: eight digits in the currency's minor unit. */
    public static final long MAXIMUM_AMOUNT = 99_999_999L;

    static final List<String> SUPPORTED = List.of("usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud",
            "awg", "azn", "bam", "bbd", "bdt", "bgn", "bhd", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn",
            "bzd", "cad", "cdf", "chf", "clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp",
            "etb", "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "htg", "huf",
            "idr", "ils", "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "krw", "kwd", "kyd", "kzt",
            "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk",
            "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php", "pkr",
            "pln", "pyg", "qar", "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos",
            "srd", "std", "szl", "thb", "tjs", "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "uyu", "uzs",
            "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw");

    static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg",
            "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

    static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    /** Minimum charge amounts in minor units, where Stripe documents one. */
    static final Map<String, Long> MINIMUMS = Map.ofEntries(
            Map.entry("usd", 50L), Map.entry("aed", 200L), Map.entry("aud", 50L), Map.entry("bgn", 100L),
            Map.entry("brl", 50L), Map.entry("cad", 50L), Map.entry("chf", 50L), Map.entry("czk", 1500L),
            Map.entry("dkk", 250L), Map.entry("eur", 50L), Map.entry("gbp", 30L), Map.entry("hkd", 400L),
            Map.entry("huf", 17500L), Map.entry("inr", 50L), Map.entry("jpy", 50L), Map.entry("mxn", 1000L),
            Map.entry("myr", 200L), Map.entry("nok", 300L), Map.entry("nzd", 50L), Map.entry("pln", 200L),
            Map.entry("ron", 200L), Map.entry("sek", 300L), Map.entry("sgd", 50L), Map.entry("thb", 1000L),
            Map.entry("cop", 200000L));

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("usd", "$"), Map.entry("aud", "$"), Map.entry("cad", "$"), Map.entry("nzd", "$"),
            Map.entry("sgd", "$"), Map.entry("hkd", "$"), Map.entry("mxn", "$"), Map.entry("cop", "$"),
            Map.entry("eur", "€"), Map.entry("gbp", "£"), Map.entry("jpy", "¥"), Map.entry("inr", "₹"),
            Map.entry("krw", "₩"), Map.entry("brl", "R$"));

    private Currencies() {
    }

    /** The currency in Stripe's lowercase form, or Stripe's "Invalid currency" error. */
    public static String require(String currency, String param) {
        String code = currency == null ? null : currency.toLowerCase(Locale.ROOT);
        if (code == null || !SUPPORTED.contains(code)) {
            throw StripeError.invalid(param, "Invalid currency: " + currency
                    + ". Stripe currently supports these currencies: " + String.join(", ", SUPPORTED));
        }
        return code;
    }

    public static boolean zeroDecimal(String currency) {
        return ZERO_DECIMAL.contains(currency);
    }

    public static int decimals(String currency) {
        return ZERO_DECIMAL.contains(currency) ? 0 : THREE_DECIMAL.contains(currency) ? 3 : 2;
    }

    public static long minimum(String currency) {
        return MINIMUMS.getOrDefault(currency, 1L);
    }

    /** Checks a charge amount: a positive integer, at least the currency's minimum, at most eight digits. */
    public static void checkChargeAmount(long amount, String currency, String param) {
        if (amount < 1) {
            throw StripeError.invalid(param, "This value must be greater than or equal to 1.");
        }
        if (amount > MAXIMUM_AMOUNT) {
            throw StripeError.builder(400).code("amount_too_large").param(param)
                    .message("Amount must be no more than " + format(MAXIMUM_AMOUNT, currency)).build();
        }
        if (amount < minimum(currency)) {
            throw StripeError.builder(400).code("amount_too_small").param(param)
                    .message("Amount must be at least " + format(minimum(currency), currency) + " " + currency)
                    .build();
        }
    }

    /** An amount as Stripe writes it in messages: {@code $0.50}, {@code ¥50}, {@code $2,000.00}. */
    public static String format(long amount, String currency) {
        int decimals = decimals(currency);
        long unit = decimals == 0 ? 1 : decimals == 2 ? 100 : 1000;
        long magnitude = Math.abs(amount);
        // By hand, as "#,##0.00" would: a DecimalFormat per call was a fiftieth of a test clock's renewals.
        StringBuilder text = new StringBuilder();
        String symbol = SYMBOLS.get(currency);
        text.append(symbol != null ? symbol : currency.toUpperCase(Locale.ROOT) + " ");
        if (amount < 0) {
            text.append('-');
        }
        String whole = Long.toString(magnitude / unit);
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(whole.charAt(i));
        }
        if (decimals > 0) {
            String fraction = Long.toString(magnitude % unit);
            text.append('.').append("0".repeat(decimals - fraction.length())).append(fraction);
        }
        return text.toString();
    }
}
