package dev.paydeck.shared;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as people of each of Paydeck's languages read them. */
class MoneyFormatTests {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void englishPutsTheSymbolFirstAndAPoint() {
        assertThat(plain(Money.of(1_250, "usd").format(Locale.ENGLISH))).isEqualTo("$12.50");
        assertThat(plain(Money.of(500, "jpy").format(Locale.ENGLISH))).isEqualTo("¥500");
    }

    @Test
    void spanishAndFrenchPutTheSymbolLastAndAComma() {
        assertThat(plain(Money.of(1_250, "eur").format(SPANISH))).isEqualTo("12,50 €");
        assertThat(plain(Money.of(1_250, "eur").format(Locale.FRENCH))).isEqualTo("12,50 €");
        assertThat(plain(Money.of(123_456_78, "eur").format(Locale.FRENCH))).isEqualTo("123 456,78 €");
    }

    @Test
    void pesosKeepStripesTwoDecimalsWithTheLocalesSeparators() {
        assertThat(plain(Money.of(200_000, "cop").format(SPANISH))).isEqualTo("2.000,00 COP");
        assertThat(plain(Money.of(200_000, "cop").format(Locale.ENGLISH))).isEqualTo("COP2,000.00");
    }

    /** Locales separate with no-break spaces (U+00A0, U+202F): compared as plain spaces. */
    private static String plain(String formatted) {
        return formatted.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
