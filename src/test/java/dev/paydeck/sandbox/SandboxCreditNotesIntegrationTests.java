package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.CreditNote;
import com.stripe.model.CreditNoteLineItem;
import com.stripe.model.Customer;
import com.stripe.model.CustomerBalanceTransaction;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.TaxRate;
import com.stripe.param.CreditNoteCreateParams;
import com.stripe.param.CreditNoteListParams;
import com.stripe.param.CreditNotePreviewLinesListParams;
import com.stripe.param.CreditNotePreviewParams;
import com.stripe.param.CreditNoteUpdateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.TaxRateCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credit notes: on an open invoice they lower what is due (and pay it when nothing is left); on a paid one they
 * refund, credit the customer's balance or record an out-of-band credit, in sums Stripe checks; numbered after
 * the invoice, previewed, listed, voided.
 */
class SandboxCreditNotesIntegrationTests extends SandboxTest {

    private Customer customer;

    @BeforeEach
    void customer() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
    }

    @Test
    void onAnOpenInvoiceACreditNoteLowersWhatIsDueAndPaysItWhenNothingIsLeft() throws Exception {
        Invoice open = openInvoice(3000L, null);
        String line = open.getLines().getData().getFirst().getId();

        CreditNote first = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(open.getId()).setReason(CreditNoteCreateParams.Reason.ORDER_CHANGE)
                .addLine(CreditNoteCreateParams.Line.builder().setType(CreditNoteCreateParams.Line.Type
                        .INVOICE_LINE_ITEM).setInvoiceLineItem(line).setAmount(1000L).build()).build());

        assertThat(first.getNumber()).isEqualTo(open.getNumber() + "-CN-01");
        assertThat(first.getStatus()).isEqualTo("issued");
        assertThat(first.getType()).isEqualTo("pre_payment");
        assertThat(first.getAmount()).isEqualTo(1000L);
        assertThat(first.getPrePaymentAmount()).isEqualTo(1000L);
        assertThat(first.getPostPaymentAmount()).isZero();
        assertThat(first.getReason()).isEqualTo("order_change");
        Invoice lowered = stripe.v1().invoices().retrieve(open.getId());
        assertThat(lowered.getAmountDue()).isEqualTo(2000L);
        assertThat(lowered.getAmountRemaining()).isEqualTo(2000L);
        assertThat(lowered.getPrePaymentCreditNotesAmount()).isEqualTo(1000L);
        assertThat(lowered.getTotal()).as("the invoice's total stays").isEqualTo(3000L);
        assertThat(intentOf(lowered).getAmount()).as("its payment asks for what is left").isEqualTo(2000L);

        CreditNote rest = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(open.getId()).setAmount(2000L).build());

        assertThat(rest.getNumber()).isEqualTo(open.getNumber() + "-CN-02");
        Invoice paid = stripe.v1().invoices().retrieve(open.getId());
        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountRemaining()).isZero();
        assertThat(paid.getPrePaymentCreditNotesAmount()).isEqualTo(3000L);
        assertThat(intentOf(paid).getStatus()).isEqualTo("canceled");
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("credit_note.created").build())
                .getData()).extracting(event -> ((CreditNote) event.getDataObjectDeserializer().getObject()
                .orElseThrow()).getId()).containsExactly(rest.getId(), first.getId());
        assertThat(stripe.v1().creditNotes().list(CreditNoteListParams.builder().setInvoice(open.getId()).build())
                .getData()).extracting(CreditNote::getId).containsExactly(rest.getId(), first.getId());
    }

    @Test
    void onAPaidInvoiceTheCreditIsRefundedCreditedOrRecordedOutOfBandInExactSums() throws Exception {
        Invoice paid = stripe.v1().invoices().pay(openInvoice(5000L, null).getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_visa").build());

        assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(paid.getId()).setAmount(3000L).setRefundAmount(1000L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("must equal").contains("$10.00").contains("$30.00"));
        assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(paid.getId()).setAmount(6000L).setOutOfBandAmount(6000L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("more than what is left to credit"));

        CreditNote note = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder().setInvoice(paid.getId())
                .setAmount(3000L).setRefundAmount(1000L).setCreditAmount(1500L).setOutOfBandAmount(500L).build());

        assertThat(note.getType()).isEqualTo("post_payment");
        assertThat(note.getPostPaymentAmount()).isEqualTo(3000L);
        assertThat(note.getOutOfBandAmount()).isEqualTo(500L);
        assertThat(note.getRefunds()).singleElement().satisfies(refund -> {
            assertThat(refund.getAmountRefunded()).isEqualTo(1000L);
            assertThat(refund.getType()).isEqualTo("refund");
        });
        String refundId = note.getRefunds().getFirst().getRefund();
        Charge charge = stripe.v1().charges().retrieve(stripe.v1().refunds().retrieve(refundId).getCharge());
        assertThat(charge.getAmountRefunded()).isEqualTo(1000L);
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isEqualTo(-1500L);
        CustomerBalanceTransaction credit = stripe.v1().customers().balanceTransactions().retrieve(customer.getId(),
                note.getCustomerBalanceTransaction());
        assertThat(credit.getType()).isEqualTo("credit_note");
        assertThat(credit.getAmount()).isEqualTo(-1500L);
        assertThat(credit.getCreditNote()).isEqualTo(note.getId());
        assertThat(credit.getInvoice()).isEqualTo(paid.getId());
        Invoice after = stripe.v1().invoices().retrieve(paid.getId());
        assertThat(after.getPostPaymentCreditNotesAmount()).isEqualTo(3000L);
        assertThat(after.getStatus()).isEqualTo("paid");
        assertThat(stripe.v1().creditNotes().list(CreditNoteListParams.builder().setCustomer(customer.getId())
                .build()).getData()).extracting(CreditNote::getId).containsExactly(note.getId());
    }

    @Test
    void whatExceedsTheAmountRemainingIsPostPayment() throws Exception {
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setBalance(-1000L).build());
        Invoice open = openInvoice(3000L, null);
        assertThat(open.getAmountRemaining()).isEqualTo(2000L);

        CreditNote note = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder().setInvoice(open.getId())
                .setAmount(3000L).setCreditAmount(1000L).build());

        assertThat(note.getType()).isEqualTo("mixed");
        assertThat(note.getPrePaymentAmount()).isEqualTo(2000L);
        assertThat(note.getPostPaymentAmount()).isEqualTo(1000L);
        assertThat(stripe.v1().invoices().retrieve(open.getId()).getStatus()).isEqualTo("paid");
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isEqualTo(-1000L);
    }

    @Test
    void aLineCreditedByQuantityTakesItsShareOfTheLinesTaxes() throws Exception {
        TaxRate tax = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("Sales tax")
                .setPercentage(new BigDecimal("10")).setInclusive(false).build());
        Invoice open = openInvoice(null, tax.getId());
        String line = open.getLines().getData().getFirst().getId();
        assertThat(open.getTotal()).isEqualTo(3300L);

        CreditNotePreviewParams.Line one = CreditNotePreviewParams.Line.builder().setType(
                CreditNotePreviewParams.Line.Type.INVOICE_LINE_ITEM).setInvoiceLineItem(line).setQuantity(1L).build();
        CreditNote preview = stripe.v1().creditNotes().preview(CreditNotePreviewParams.builder()
                .setInvoice(open.getId()).addLine(one).build());

        assertThat(preview.getSubtotal()).isEqualTo(1000L);
        assertThat(preview.getTotal()).isEqualTo(1100L);
        assertThat(preview.getTotalExcludingTax()).isEqualTo(1000L);
        assertThat(preview.getTotalTaxes()).singleElement().satisfies(total -> assertThat(total.getAmount())
                .isEqualTo(100L));
        CreditNoteLineItem previewed = preview.getLines().getData().getFirst();
        assertThat(previewed.getUnitAmount()).isEqualTo(1000L);
        assertThat(previewed.getQuantity()).isEqualTo(1L);
        assertThat(previewed.getInvoiceLineItem()).isEqualTo(line);
        assertThat(stripe.v1().creditNotes().previewLines().list(CreditNotePreviewLinesListParams.builder()
                .setInvoice(open.getId()).addLine(CreditNotePreviewLinesListParams.Line.builder().setType(
                        CreditNotePreviewLinesListParams.Line.Type.INVOICE_LINE_ITEM).setInvoiceLineItem(line)
                        .setQuantity(2L).build()).build()).getData()).singleElement()
                .satisfies(item -> assertThat(item.getAmount()).isEqualTo(2000L));
        assertThat(stripe.v1().invoices().retrieve(open.getId()).getAmountDue()).as("a preview changes nothing")
                .isEqualTo(3300L);
        assertThat(stripe.v1().creditNotes().list(CreditNoteListParams.builder().setInvoice(open.getId()).build())
                .getData()).isEmpty();

        CreditNote issued = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(open.getId()).addLine(CreditNoteCreateParams.Line.builder().setType(
                        CreditNoteCreateParams.Line.Type.INVOICE_LINE_ITEM).setInvoiceLineItem(line).setQuantity(1L)
                        .build()).build());
        assertThat(stripe.v1().creditNotes().lineItems().list(issued.getId()).getData()).singleElement()
                .satisfies(item -> assertThat(item.getTaxes().getFirst().getAmount()).isEqualTo(100L));
        assertThat(stripe.v1().invoices().retrieve(open.getId()).getAmountDue()).isEqualTo(2200L);

        assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(open.getId()).addLine(CreditNoteCreateParams.Line.builder().setType(
                        CreditNoteCreateParams.Line.Type.INVOICE_LINE_ITEM).setInvoiceLineItem(line).setAmount(500L)
                        .build()).build()))
                .as("a line credited by quantity is credited by quantity again")
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("by quantity"));
        assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(open.getId()).addLine(CreditNoteCreateParams.Line.builder().setType(
                        CreditNoteCreateParams.Line.Type.INVOICE_LINE_ITEM).setInvoiceLineItem(line).setQuantity(3L)
                        .build()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getParam()).isEqualTo("lines[0][quantity]"));
    }

    @Test
    void voidingUndoesWhatTheCreditNoteLoweredAndCredited() throws Exception {
        Invoice open = openInvoice(3000L, null);
        CreditNote lowering = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(open.getId()).setAmount(1200L).setMemo("Late delivery").build());

        CreditNote updated = stripe.v1().creditNotes().update(lowering.getId(), CreditNoteUpdateParams.builder()
                .setMemo("Late delivery, sorry").putMetadata("ticket", "77").build());
        assertThat(updated.getMemo()).isEqualTo("Late delivery, sorry");
        CreditNote voided = stripe.v1().creditNotes().voidCreditNote(lowering.getId());

        assertThat(voided.getStatus()).isEqualTo("void");
        assertThat(voided.getVoidedAt()).isNotNull();
        Invoice restored = stripe.v1().invoices().retrieve(open.getId());
        assertThat(restored.getAmountDue()).isEqualTo(3000L);
        assertThat(restored.getPrePaymentCreditNotesAmount()).isZero();
        assertThat(intentOf(restored).getAmount()).isEqualTo(3000L);
        assertThatThrownBy(() -> stripe.v1().creditNotes().voidCreditNote(lowering.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).contains("already been voided"));
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("credit_note.*").build()).getData())
                .extracting(Event::getType).containsExactly("credit_note.voided", "credit_note.updated",
                        "credit_note.created");

        Invoice paid = stripe.v1().invoices().pay(open.getId(), InvoicePayParams.builder()
                .setPaymentMethod("pm_card_visa").build());
        CreditNote credit = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(paid.getId()).setAmount(800L).setCreditAmount(800L).build());
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isEqualTo(-800L);
        stripe.v1().creditNotes().voidCreditNote(credit.getId());
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getBalance()).isZero();
        assertThat(stripe.v1().invoices().retrieve(paid.getId()).getPostPaymentCreditNotesAmount()).isZero();

        CreditNote refunded = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(paid.getId()).setAmount(500L).setRefundAmount(500L).build());
        assertThatThrownBy(() -> stripe.v1().creditNotes().voidCreditNote(refunded.getId()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void draftInvoicesTakeNoCreditNote() throws Exception {
        item(1000L);
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());

        assertThatThrownBy(() -> stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(draft.getId()).setAmount(100L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStripeError().getParam()).isEqualTo("invoice");
                    assertThat(error.getStripeError().getMessage()).contains("open or paid");
                });
    }

    /** An open send_invoice invoice for one item of that amount, or of 3 units of 10.00 taxed at the rate. */
    @Test
    void aCreditNotesPdfIsServedWhereItsPdfFieldPointsInTheReadersLanguage() throws Exception {
        Invoice open = openInvoice(3000L, null);
        CreditNote note = stripe.v1().creditNotes().create(CreditNoteCreateParams.builder()
                .setInvoice(open.getId()).setAmount(1200L).setMemo("Two days without service")
                .setReason(CreditNoteCreateParams.Reason.ORDER_CHANGE).build());

        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                request(java.net.URI.create(note.getPdf()).getPath()).header("Accept-Language", "en").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString()
                .contains("filename=\"CreditNote-" + note.getNumber() + ".pdf\"");
        assertThat(pdfText(pdf.body())).contains("Credit note", note.getNumber(), open.getNumber(), "Ada",
                "Order change", "Two days without service", "Total credited", "$12.00");
        // The page counter comes from the PDFs' shared style (sandbox/pdf-style.html): it is applied.
        assertThat(pdfText(pdf.body())).contains("1 / 1");

        stripe.v1().creditNotes().voidCreditNote(note.getId());
        String french = pdfText(java.net.http.HttpClient.newHttpClient().send(
                request(java.net.URI.create(note.getPdf()).getPath()).header("Accept-Language", "fr").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(french).contains("Avoir", "Total crédité", "Cet avoir a été annulé le");
        assertThat(send(request("/sandbox/credit_notes/cn_doesnotexist123/pdf")).statusCode()).isEqualTo(404);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }

    private Invoice openInvoice(Long amount, String taxRate) throws Exception {
        if (amount != null) {
            item(amount);
        } else {
            stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                    .setCurrency("usd").setUnitAmountDecimal(new BigDecimal("1000")).setQuantity(3L)
                    .addTaxRate(taxRate).build());
        }
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());
        return stripe.v1().invoices().finalizeInvoice(draft.getId());
    }

    private void item(long amount) throws Exception {
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setAmount(amount).setCurrency("usd").build());
    }

    private PaymentIntent intentOf(Invoice invoice) throws Exception {
        return stripe.v1().paymentIntents().retrieve(invoice.getPayments().getData().getFirst().getPayment()
                .getPaymentIntent());
    }
}
