package dev.paydeck.sandbox.api;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A sandbox Stripe account and its test-mode keys, its country and default currency (which decide its fees and when
 * its funds become available) and its contact email (none unless set). {@code fault} is the Stripe failure it
 * simulates, if any: {@code none}, {@code unavailable} (requests fail with 500 without running) or
 * {@code lose_response} (requests run, but the caller gets a 500 as if the response were lost). An account that is
 * not {@code listed} does not appear on the sandbox pages of a stand-alone sandbox (it was opened by a program that
 * keeps its keys, e.g. for a Paydeck organization). {@code createdBy} is the name of the signed-in person who opened
 * it, null when nobody was signed in: in the full product the pages show the account to that person.
 */
public record SandboxAccount(String id, String name, String secretKey, String publishableKey, String fault,
                             boolean listed, String country, String defaultCurrency, String email, String createdBy) {

    public static final String NO_FAULT = "none";
    public static final String DEFAULT_COUNTRY = "US";

    /** The euro area's countries, whose accounts settle in euros. */
    private static final Set<String> EURO_AREA = Set.of("AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK");

    /** An account in the United States, in US dollars, with no email (what accounts are unless told otherwise). */
    public SandboxAccount(String id, String name, String secretKey, String publishableKey, String fault,
            boolean listed, String createdBy) {
        this(id, name, secretKey, publishableKey, fault, listed, DEFAULT_COUNTRY, "usd", null, createdBy);
    }

    /** The currency an account of that country settles in: its country's own (euros in the euro area). */
    public static String currencyOf(String country) {
        if (EURO_AREA.contains(country)) {
            return "eur";
        }
        return switch (country) {
            case "GB" -> "gbp";
            case "CA" -> "cad";
            case "AU" -> "aud";
            case "JP" -> "jpy";
            case "CH" -> "chf";
            case "SE" -> "sek";
            case "DK" -> "dkk";
            case "NO" -> "nok";
            case "PL" -> "pln";
            case "NZ" -> "nzd";
            case "SG" -> "sgd";
            case "HK" -> "hkd";
            case "MX" -> "mxn";
            case "BR" -> "brl";
            default -> "usd";
        };
    }

    /** A two-letter country code as Stripe writes it ({@code GB}), or empty if it is not one. */
    public static Optional<String> country(String given) {
        if (given == null || !given.strip().matches("[A-Za-z]{2}")) {
            return Optional.empty();
        }
        return Optional.of(given.strip().toUpperCase(Locale.ROOT));
    }

    /** {@code sk_test_…abcd}: how a key may be shown where the whole key must not be. */
    public static String masked(String key) {
        int prefix = key.indexOf('_', key.indexOf('_') + 1) + 1;
        return key.substring(0, prefix) + "…" + key.substring(key.length() - 4);
    }

    @Override
    public String toString() {
        return "SandboxAccount[" + id + ", " + name + "]";
    }
}
