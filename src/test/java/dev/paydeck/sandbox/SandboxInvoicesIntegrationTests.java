package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceItem;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.TaxRate;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;
import com.stripe.param.InvoiceItemUpdateParams;
import com.stripe.param.InvoiceLineItemListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoiceUpdateParams;
import com.stripe.param.TaxRateCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxInvoicesIntegrationTests extends SandboxTest {

    private Customer customer;

    @BeforeEach
    void customer() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada")
                .setEmail("ada@example.com").build());
    }

    @Test
    void aDraftTakesThePendingItemsWhenAskedAndTotalsThemWithTheirTaxes() throws Exception {
        TaxRate salesTax = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("Sales tax")
                .setPercentage(new BigDecimal("10")).setInclusive(false).build());
        InvoiceItem seats = item(3000L, "usd");
        InvoiceItem setup = item(1000L, "usd");
        InvoiceItem euros = item(700L, "eur");

        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE)
                .addDefaultTaxRate(salesTax.getId()).setDescription("March").build());

        assertThat(draft.getId()).startsWith("in_");
        assertThat(draft.getStatus()).isEqualTo("draft");
        assertThat(draft.getNumber()).isNull();
        assertThat(draft.getCurrency()).isEqualTo("usd");
        assertThat(draft.getCustomerEmail()).isEqualTo("ada@example.com");
        assertThat(draft.getCollectionMethod()).isEqualTo("charge_automatically");
        assertThat(draft.getLines().getData()).extracting(line -> line.getParent().getInvoiceItemDetails()
                .getInvoiceItem()).containsExactly(seats.getId(), setup.getId());
        assertThat(draft.getSubtotal()).isEqualTo(4000L);
        assertThat(draft.getTotalExcludingTax()).isEqualTo(4000L);
        assertThat(draft.getTotal()).isEqualTo(4400L);
        assertThat(draft.getAmountDue()).isEqualTo(4400L);
        assertThat(draft.getAmountRemaining()).isEqualTo(4400L);
        assertThat(draft.getTotalTaxes()).singleElement().satisfies(tax -> {
            assertThat(tax.getAmount()).isEqualTo(400L);
            assertThat(tax.getTaxableAmount()).isEqualTo(4000L);
            assertThat(tax.getTaxRateDetails().getTaxRate()).isEqualTo(salesTax.getId());
        });

        assertThat(stripe.v1().invoiceItems().retrieve(seats.getId()).getInvoice()).isEqualTo(draft.getId());
        assertThat(stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setPending(true).build())
                .getData()).extracting(InvoiceItem::getId).as("another currency waits for its own invoice")
                .containsExactly(euros.getId());
    }

    @Test
    void itemsAddedToADraftChangeItsLinesAndTotals() throws Exception {
        TaxRate vat = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("20")).setInclusive(true).build());
        item(500L, "usd");
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .build());
        assertThat(draft.getLines().getData()).as("pending items stay out by default").isEmpty();
        assertThat(draft.getTotal()).isZero();

        InvoiceItem included = stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                .setCustomer(customer.getId()).setInvoice(draft.getId()).setAmount(12000L).addTaxRate(vat.getId())
                .build());
        assertThat(included.getCurrency()).as("the invoice's").isEqualTo("usd");
        Invoice withItem = stripe.v1().invoices().retrieve(draft.getId());
        assertThat(withItem.getTotal()).as("VAT included").isEqualTo(12000L);
        assertThat(withItem.getTotalExcludingTax()).isEqualTo(10000L);
        InvoiceLineItem line = withItem.getLines().getData().getFirst();
        assertThat(line.getAmount()).isEqualTo(12000L);
        assertThat(line.getTaxes()).singleElement().satisfies(tax -> {
            assertThat(tax.getAmount()).isEqualTo(2000L);
            assertThat(tax.getTaxBehavior()).isEqualTo("inclusive");
        });

        stripe.v1().invoiceItems().update(included.getId(), InvoiceItemUpdateParams.builder().setAmount(6000L)
                .build());
        assertThat(stripe.v1().invoices().retrieve(draft.getId()).getTotal()).isEqualTo(6000L);
        stripe.v1().invoiceItems().delete(included.getId());
        assertThat(stripe.v1().invoices().retrieve(draft.getId()).getLines().getData()).isEmpty();
    }

    @Test
    void updatesADraftAndListsItsLinesPageByPage() throws Exception {
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .build());
        for (long amount = 100; amount <= 300; amount += 100) {
            stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                    .setInvoice(draft.getId()).setAmount(amount).build());
        }

        Invoice sent = stripe.v1().invoices().update(draft.getId(), InvoiceUpdateParams.builder()
                .setCollectionMethod(InvoiceUpdateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L)
                .setFooter("Thank you").putMetadata("order", "42").build());
        assertThat(sent.getCollectionMethod()).isEqualTo("send_invoice");
        assertThat(sent.getDueDate()).isEqualTo(sent.getCreated() + 30 * 86_400);
        assertThat(sent.getFooter()).isEqualTo("Thank you");

        var firstPage = stripe.v1().invoices().lineItems().list(draft.getId(), InvoiceLineItemListParams.builder()
                .setLimit(2L).build());
        assertThat(firstPage.getData()).extracting(InvoiceLineItem::getAmount).containsExactly(100L, 200L);
        assertThat(firstPage.getHasMore()).isTrue();
        var secondPage = stripe.v1().invoices().lineItems().list(draft.getId(), InvoiceLineItemListParams.builder()
                .setLimit(2L).setStartingAfter(firstPage.getData().get(1).getId()).build());
        assertThat(secondPage.getData()).extracting(InvoiceLineItem::getAmount).containsExactly(300L);
        assertThat(secondPage.getHasMore()).isFalse();

        assertThat(stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customer.getId())
                .setStatus(InvoiceListParams.Status.DRAFT).build()).getData()).extracting(Invoice::getId)
                .containsExactly(draft.getId());
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("invoice.*").build()).getData())
                .extracting(Event::getType).as("each item added, then the update").containsExactly(
                        "invoice.updated", "invoice.updated", "invoice.updated", "invoice.updated",
                        "invoice.created");
    }

    @Test
    void deletingADraftReturnsItsItemsToPending() throws Exception {
        InvoiceItem item = item(900L, "usd");
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());

        assertThat(stripe.v1().invoices().delete(draft.getId()).getDeleted()).isTrue();

        assertThatThrownBy(() -> stripe.v1().invoices().retrieve(draft.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));
        assertThat(stripe.v1().invoiceItems().retrieve(item.getId()).getInvoice()).isNull();
        assertThat(stripe.v1().invoiceItems().list(InvoiceItemListParams.builder().setPending(true).build())
                .getData()).extracting(InvoiceItem::getId).containsExactly(item.getId());
    }

    @Test
    void refusesDraftsStripeRefuses() throws Exception {
        assertThat(error("POST", "/v1/invoices", "customer=" + customer.getId() + "&collection_method=send_invoice")
                .at("/error/param").asString()).isEqualTo("days_until_due");
        assertThat(error("POST", "/v1/invoices", "customer=" + customer.getId() + "&days_until_due=30")
                .at("/error/param").asString()).isEqualTo("days_until_due");
        assertThat(error("POST", "/v1/invoices", "customer=cus_nope").at("/error/message").asString())
                .isEqualTo("No such customer: 'cus_nope'");
        assertThat(error("POST", "/v1/invoices", "customer=" + customer.getId() + "&default_tax_rates[0]=txr_nope")
                .at("/error/message").asString()).isEqualTo("No such tax_rate: 'txr_nope'");

        Customer other = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace").build());
        Invoice theirs = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(other.getId())
                .build());
        assertThat(error("POST", "/v1/invoiceitems", "customer=" + customer.getId() + "&amount=100&invoice="
                + theirs.getId()).at("/error/param").asString()).isEqualTo("invoice");
        assertThat(error("POST", "/v1/invoiceitems", "customer=" + other.getId() + "&amount=100&currency=eur&"
                + "invoice=" + theirs.getId()).at("/error/message").asString()).contains("must match");
        assertThat(error("POST", "/v1/invoiceitems", "customer=" + customer.getId() + "&amount=100&invoice=in_nope")
                .at("/error/message").asString()).isEqualTo("No such invoice: 'in_nope'");
    }

    private InvoiceItem item(long amount, String currency) throws Exception {
        return stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setAmount(amount).setCurrency(currency).build());
    }

    private tools.jackson.databind.JsonNode error(String method, String path, String form) {
        var response = sandboxCall(method, path, form, secretKey);
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 404);
        return json(response);
    }
}
