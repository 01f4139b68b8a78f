package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.InvoiceItem;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.TaxRate;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.InvoiceItemUpdateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.TaxRateCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxInvoiceItemsIntegrationTests extends SandboxTest {

    private Customer customer;
    private Product product;

    @BeforeEach
    void customerAndProduct() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
        product = stripe.v1().products().create(ProductCreateParams.builder().setName("Seats").build());
    }

    @Test
    void anItemFromAPriceIsPricedByItForItsQuantity() throws Exception {
        Price tiered = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("eur").setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                .setTiersMode(PriceCreateParams.TiersMode.GRADUATED)
                .addTier(PriceCreateParams.Tier.builder().setUpTo(5L).setUnitAmount(500L).build())
                .addTier(PriceCreateParams.Tier.builder().setUpTo(PriceCreateParams.Tier.UpTo.INF)
                        .setUnitAmount(300L).build())
                .build());
        TaxRate vat = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("20")).setInclusive(false).build());

        InvoiceItem item = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setQuantity(7L).setDescription("Seats")
                .setPricing(InvoiceItemCreateParams.Pricing.builder().setPrice(tiered.getId()).build())
                .addTaxRate(vat.getId()).build());

        assertThat(item.getId()).startsWith("ii_");
        assertThat(item.getCurrency()).isEqualTo("eur");
        assertThat(item.getAmount()).as("5 × €5 + 2 × €3").isEqualTo(3100L);
        assertThat(item.getQuantity()).isEqualTo(7L);
        assertThat(item.getPricing().getPriceDetails().getPrice()).isEqualTo(tiered.getId());
        assertThat(item.getPricing().getPriceDetails().getProduct()).isEqualTo(product.getId());
        assertThat(item.getTaxRates()).extracting(TaxRate::getId).containsExactly(vat.getId());
        assertThat(item.getInvoice()).isNull();
        assertThat(item.getDiscountable()).isTrue();

        InvoiceItem more = stripe.v1().invoiceItems().update(item.getId(), InvoiceItemUpdateParams.builder()
                .setQuantity(10L).build());
        assertThat(more.getAmount()).as("5 × €5 + 5 × €3").isEqualTo(4000L);
        assertThat(stripe.v1().invoiceItems().retrieve(item.getId()).getAmount()).isEqualTo(4000L);
    }

    @Test
    void anItemOfAGivenAmountOrUnitAmount() throws Exception {
        InvoiceItem fee = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setAmount(2500L).setCurrency("usd").setDescription("Setup fee")
                .build());
        assertThat(fee.getAmount()).isEqualTo(2500L);
        assertThat(fee.getQuantity()).isEqualTo(1L);
        assertThat(fee.getPricing().getUnitAmountDecimal()).isEqualByComparingTo("2500");

        InvoiceItem credit = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setAmount(-500L).setCurrency("usd").build());
        assertThat(credit.getAmount()).isEqualTo(-500L);
        assertThat(credit.getDiscountable()).as("a credit is not discountable by default").isFalse();

        InvoiceItem metered = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setUnitAmountDecimal(new BigDecimal("0.5")).setQuantity(7L)
                .setCurrency("usd").build());
        assertThat(metered.getAmount()).as("3.5 rounds half up").isEqualTo(4L);

        InvoiceItem inline = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setQuantity(3L).setPriceData(InvoiceItemCreateParams.PriceData
                        .builder().setCurrency("gbp").setProduct(product.getId()).setUnitAmount(1200L).build())
                .build());
        assertThat(inline.getAmount()).isEqualTo(3600L);
        assertThat(inline.getCurrency()).isEqualTo("gbp");
        Price made = stripe.v1().prices().retrieve(inline.getPricing().getPriceDetails().getPrice());
        assertThat(made.getActive()).as("an inline price is hidden").isFalse();
        assertThat(made.getProduct()).isEqualTo(product.getId());
    }

    @Test
    void refusesItemsStripeRefuses() throws Exception {
        Price monthly = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("usd").setUnitAmount(1000L).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());

        assertThatThrownBy(() -> stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId())
                .setPricing(InvoiceItemCreateParams.Pricing.builder().setPrice(monthly.getId()).build()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getParam()).isEqualTo("pricing[price]");
                    assertThat(error.getStripeError().getMessage()).contains("type=one_time");
                });
        var noCustomer = sandboxCall("POST", "/v1/invoiceitems", "amount=100&currency=usd", secretKey);
        assertThat(json(noCustomer).at("/error/param").asString()).isEqualTo("customer");
        var unknownCustomer = sandboxCall("POST", "/v1/invoiceitems", "customer=cus_nope&amount=100&currency=usd",
                secretKey);
        assertThat(unknownCustomer.statusCode()).isEqualTo(404);
        var noCurrency = sandboxCall("POST", "/v1/invoiceitems", "customer=" + customer.getId() + "&amount=100",
                secretKey);
        assertThat(json(noCurrency).at("/error/param").asString()).isEqualTo("currency");
        var nothing = sandboxCall("POST", "/v1/invoiceitems", "customer=" + customer.getId(), secretKey);
        assertThat(json(nothing).at("/error/code").asString()).isEqualTo("parameter_missing");
        var missingTaxRate = sandboxCall("POST", "/v1/invoiceitems", "customer=" + customer.getId()
                + "&amount=100&currency=usd&tax_rates[0]=txr_nope", secretKey);
        assertThat(json(missingTaxRate).at("/error/message").asString()).isEqualTo("No such tax_rate: 'txr_nope'");
    }

    @Test
    void listsPendingItemsByCustomerAndDeletesThem() throws Exception {
        Customer other = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace").build());
        InvoiceItem first = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setAmount(100L).setCurrency("usd").build());
        InvoiceItem second = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setAmount(200L).setCurrency("usd").build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(other.getId()).setAmount(300L).setCurrency("usd").build());

        assertThat(stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setCustomer(customer.getId())
                .setPending(true).build()).getData()).extracting(InvoiceItem::getId)
                .containsExactly(second.getId(), first.getId());
        assertThat(stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setPending(false).build())
                .getData()).isEmpty();

        assertThat(stripe.v1().invoiceItems().delete(first.getId()).getDeleted()).isTrue();
        assertThatThrownBy(() -> stripe.v1().invoiceItems().retrieve(first.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("invoiceitem.*").build()).getData())
                .extracting(Event::getType).containsExactly("invoiceitem.deleted", "invoiceitem.created",
                        "invoiceitem.created", "invoiceitem.created");
    }
}
