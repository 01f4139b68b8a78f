package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.TaxRate;
import com.stripe.param.EventListParams;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.TaxRateListParams;
import com.stripe.param.TaxRateUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxTaxRatesIntegrationTests extends SandboxTest {

    @Test
    void createsRetrievesUpdatesAndListsTaxRates() throws Exception {
        TaxRate vat = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("20")).setInclusive(true).setCountry("fr").setJurisdiction("FR")
                .setTaxType(TaxRateCreateParams.TaxType.VAT).setDescription("TVA France").build());

        assertThat(vat.getId()).startsWith("txr_");
        assertThat(vat.getPercentage()).isEqualByComparingTo("20");
        assertThat(vat.getEffectivePercentage()).isEqualByComparingTo("20");
        assertThat(vat.getInclusive()).isTrue();
        assertThat(vat.getCountry()).isEqualTo("FR");
        assertThat(vat.getTaxType()).isEqualTo("vat");
        assertThat(vat.getActive()).isTrue();

        TaxRate salesTax = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("Sales tax")
                .setPercentage(new BigDecimal("8.875")).setInclusive(false).setCountry("US").setState("NY").build());
        assertThat(salesTax.getPercentage()).isEqualByComparingTo("8.875");

        TaxRate archived = stripe.v1().taxRates().update(salesTax.getId(), TaxRateUpdateParams.builder()
                .setActive(false).setDisplayName("NY sales tax").build());
        assertThat(archived.getActive()).isFalse();
        assertThat(archived.getDisplayName()).isEqualTo("NY sales tax");
        assertThat(stripe.v1().taxRates().retrieve(salesTax.getId()).getState()).isEqualTo("NY");

        var percentage = sandboxCall("POST", "/v1/tax_rates/" + vat.getId(), "percentage=5", secretKey);
        assertThat(json(percentage).at("/error/code").asString()).as("fixed at creation")
                .isEqualTo("parameter_unknown");

        assertThat(stripe.v1().taxRates().list(TaxRateListParams.builder().setActive(true).build()).getData())
                .extracting(TaxRate::getId).containsExactly(vat.getId());
        assertThat(stripe.v1().taxRates().list(TaxRateListParams.builder().setInclusive(false).build()).getData())
                .extracting(TaxRate::getId).containsExactly(salesTax.getId());
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("tax_rate.*").build()).getData())
                .extracting(Event::getType).containsExactly("tax_rate.updated", "tax_rate.created",
                        "tax_rate.created");
    }

    @Test
    void refusesATaxRateWithoutItsRequiredParametersOrOutOfRange() {
        var missing = sandboxCall("POST", "/v1/tax_rates", "display_name=VAT&percentage=20", secretKey);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).at("/error/param").asString()).isEqualTo("inclusive");

        var tooHigh = sandboxCall("POST", "/v1/tax_rates", "display_name=VAT&percentage=120&inclusive=false",
                secretKey);
        assertThat(json(tooHigh).at("/error/param").asString()).isEqualTo("percentage");

        assertThatThrownBy(() -> stripe.v1().taxRates().retrieve("txr_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));
    }
}
