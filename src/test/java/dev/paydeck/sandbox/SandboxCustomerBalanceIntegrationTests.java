package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.CustomerBalanceTransaction;
import com.stripe.model.Invoice;
import com.stripe.param.CustomerBalanceTransactionCreateParams;
import com.stripe.param.CustomerBalanceTransactionUpdateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A customer's invoice balance: its ledger of transactions, and finalized invoices using it. */
class SandboxCustomerBalanceIntegrationTests extends SandboxTest {

    private Customer customer;

    @BeforeEach
    void customer() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
    }

    @Test
    void aCreditPaysTheNextInvoiceAndTheLedgerShowsIt() throws Exception {
        CustomerBalanceTransaction credit = adjust(-1500L, "Goodwill");

        assertThat(credit.getId()).startsWith("cbtxn_");
        assertThat(credit.getType()).isEqualTo("adjustment");
        assertThat(credit.getEndingBalance()).isEqualTo(-1500L);
        assertThat(credit.getDescription()).isEqualTo("Goodwill");
        Customer credited = stripe.v1().customers().retrieve(customer.getId());
        assertThat(credited.getBalance()).isEqualTo(-1500L);
        assertThat(credited.getCurrency()).isEqualTo("usd");

        Invoice invoice = finalizedInvoice(1000L);

        assertThat(invoice.getStartingBalance()).isEqualTo(-1500L);
        assertThat(invoice.getEndingBalance()).isEqualTo(-500L);
        assertThat(invoice.getAmountDue()).isZero();
        assertThat(invoice.getStatus()).isEqualTo("paid");
        var ledger = stripe.v1().customers().balanceTransactions().list(customer.getId()).getData();
        assertThat(ledger).extracting(CustomerBalanceTransaction::getType)
                .containsExactly("applied_to_invoice", "adjustment");
        assertThat(ledger.getFirst().getAmount()).isEqualTo(1000L);
        assertThat(ledger.getFirst().getInvoice()).isEqualTo(invoice.getId());
        assertThat(ledger.getFirst().getEndingBalance()).isEqualTo(-500L);

        CustomerBalanceTransaction renamed = stripe.v1().customers().balanceTransactions().update(customer.getId(),
                credit.getId(), CustomerBalanceTransactionUpdateParams.builder().setDescription("Apology")
                        .putMetadata("ticket", "9").build());
        assertThat(renamed.getDescription()).isEqualTo("Apology");
        assertThat(stripe.v1().customers().balanceTransactions().retrieve(customer.getId(), credit.getId())
                .getMetadata()).containsEntry("ticket", "9");
    }

    @Test
    void aDebitIsAddedToTheNextInvoice() throws Exception {
        adjust(700L, null);

        Invoice invoice = finalizedInvoice(1000L);

        assertThat(invoice.getAmountDue()).isEqualTo(1700L);
        assertThat(invoice.getEndingBalance()).isZero();
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isZero();
    }

    @Test
    void voidingAnInvoiceGivesBackTheCreditItUsed() throws Exception {
        adjust(-400L, null);
        Invoice invoice = finalizedInvoice(1000L);
        assertThat(invoice.getAmountDue()).isEqualTo(600L);
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isZero();

        stripe.v1().invoices().voidInvoice(invoice.getId());

        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isEqualTo(-400L);
        CustomerBalanceTransaction unapplied = stripe.v1().customers().balanceTransactions().list(customer.getId())
                .getData().getFirst();
        assertThat(unapplied.getType()).isEqualTo("unapplied_from_invoice");
        assertThat(unapplied.getAmount()).isEqualTo(-400L);
        assertThat(unapplied.getInvoice()).isEqualTo(invoice.getId());
    }

    @Test
    void theBalanceKeepsOneCurrency() throws Exception {
        adjust(-100L, null);

        assertThatThrownBy(() -> stripe.v1().customers().balanceTransactions().create(customer.getId(),
                CustomerBalanceTransactionCreateParams.builder().setAmount(-100L).setCurrency("eur").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getParam()).isEqualTo("currency"));
        assertThatThrownBy(() -> stripe.v1().customers().balanceTransactions().retrieve(customer.getId(),
                "cbtxn_missing")).isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));
    }

    private CustomerBalanceTransaction adjust(long amount, String description) throws Exception {
        CustomerBalanceTransactionCreateParams.Builder params = CustomerBalanceTransactionCreateParams.builder()
                .setAmount(amount).setCurrency("usd");
        if (description != null) {
            params.setDescription(description);
        }
        return stripe.v1().customers().balanceTransactions().create(customer.getId(), params.build());
    }

    private Invoice finalizedInvoice(long amount) throws Exception {
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setAmount(amount).setCurrency("usd").build());
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());
        return stripe.v1().invoices().finalizeInvoice(draft.getId());
    }
}
