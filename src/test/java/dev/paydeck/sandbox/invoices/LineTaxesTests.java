package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.invoices.LineTaxes.Rate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineTaxesTests {

    private static final Rate VAT_INCLUDED = new Rate("txr_vat", new BigDecimal("20"), true);
    private static final Rate SALES_TAX = new Rate("txr_ny", new BigDecimal("8.875"), false);

    @Test
    void anExclusiveRateAddsItsShareOfTheAmount() {
        LineTaxes taxes = LineTaxes.of(10_000, List.of(SALES_TAX));

        assertThat(taxes.exclusiveTax()).isEqualTo(888);
        assertThat(taxes.inclusiveTax()).isZero();
        assertThat(taxes.taxes().getFirst().taxableAmount()).isEqualTo(10_000);
    }

    @Test
    void anInclusiveRateIsTakenOutOfTheAmount() {
        LineTaxes taxes = LineTaxes.of(12_000, List.of(VAT_INCLUDED));

        assertThat(taxes.inclusiveTax()).isEqualTo(2_000);
        assertThat(taxes.taxes().getFirst().taxableAmount()).isEqualTo(10_000);
        assertThat(taxes.exclusiveTax()).isZero();
    }

    @Test
    void roundingLeavesTheTaxesAndTheTaxableAmountAddingUpToTheAmount() {
        LineTaxes taxes = LineTaxes.of(999, List.of(VAT_INCLUDED, new Rate("txr_city", new BigDecimal("1.5"), true)));

        long taxable = taxes.taxes().getFirst().taxableAmount();
        assertThat(taxable).isEqualTo(822);
        assertThat(taxable + taxes.inclusiveTax()).isEqualTo(999);
    }

    @Test
    void exclusiveRatesOnTopOfInclusiveOnesAreComputedOnTheTaxableAmount() {
        LineTaxes taxes = LineTaxes.of(12_000, List.of(VAT_INCLUDED, SALES_TAX));

        assertThat(taxes.exclusiveTax()).isEqualTo(888);
        assertThat(taxes.inclusiveTax()).isEqualTo(2_000);
    }

    @Test
    void noRateNoTax() {
        assertThat(LineTaxes.of(500, List.of()).taxes()).isEmpty();
    }
}
