package dev.paydeck.sandbox.invoices;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** How the hosted invoice page and PDF write amounts and days for each of Paydeck's languages. */
class InvoiceDocumentsTests {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void amountsInMinorUnitsAreWrittenWithTheCurrencysOwnDigitsForTheReader() {
        assertThat(InvoiceDocuments.money(15_450, "usd", Locale.ENGLISH)).isEqualTo("$154.50");
        assertThat(InvoiceDocuments.money(-500, "usd", Locale.ENGLISH)).isEqualTo("-$5.00");
        assertThat(InvoiceDocuments.money(123_456, "eur", Locale.FRENCH)).isEqualTo("1\u00a0234,56\u00a0€");
        assertThat(InvoiceDocuments.money(123_456, "eur", SPANISH)).isEqualTo("1.234,56\u00a0€");
        assertThat(InvoiceDocuments.money(500, "jpy", Locale.ENGLISH)).isEqualTo("¥500");
        assertThat(InvoiceDocuments.money(1_234, "kwd", Locale.ENGLISH)).isEqualTo("KWD1.234");
    }

    @Test
    void daysAreWrittenInTheReadersLanguageInUtc() {
        long endOfFourthOfDecember = 1_796_428_799L; // 2026-12-04T23:59:59Z
        assertThat(InvoiceDocuments.date(endOfFourthOfDecember, Locale.ENGLISH)).isEqualTo("December 4, 2026");
        assertThat(InvoiceDocuments.date(endOfFourthOfDecember, SPANISH)).isEqualTo("4 de diciembre de 2026");
        assertThat(InvoiceDocuments.date(endOfFourthOfDecember, Locale.FRENCH)).isEqualTo("4 décembre 2026");
    }
}
