package dev.paydeck.sandbox.invoices;

import java.util.List;

/**
 * A finalized invoice as its payer reads it, on the hosted invoice page and in its PDF: the amounts and dates already
 * written for the reader's language ({@link InvoiceDocuments} builds it from the invoice's Stripe JSON). Public for
 * the templates' expression language.
 *
 * @param status      Stripe's word: {@code open}, {@code paid}, {@code void} or {@code uncollectible}
 * @param issued      when it was finalized
 * @param due         its due date, or null (charged automatically)
 * @param closedOn    when it was paid, voided or marked uncollectible, or null while open
 * @param startingBalance the customer's balance applied (a credit is negative), or null when none was
 * @param payment     how the payer pays an open invoice here, or null (nothing to pay)
 * @param receipt     the card an invoice was paid with ({@code Visa •••• 4242}), or null
 */
public record InvoiceDocument(String id, String number, String status, String currency, String seller,
                              String sellerCountry, Customer customer, String issued, String due, String closedOn,
                              List<Line> lines, List<Adjustment> discounts, List<Adjustment> taxes, String subtotal,
                              String total, String startingBalance, String amountDue, String amountPaid,
                              String amountRemaining, String description, String footer, String hostedUrl,
                              String pdfUrl, Payment payment, String receipt) {

    /**
     * The failures of a payment the page words in the payer's language ({@code sandbox.invoice.decline.*}): a
     * {@code decline_code}, or else the error's {@code code}. Others show Stripe's own message.
     */
    public static final List<String> DECLINE_CODES = List.of("generic_decline", "card_declined",
            "insufficient_funds", "lost_card", "stolen_card", "expired_card", "incorrect_cvc", "processing_error",
            "payment_intent_authentication_failure");

    /** Who the invoice is billed to, as it was when the invoice was made. */
    public record Customer(String name, String email, List<String> address) {
    }

    /** One line: its description, quantity, unit amount (null when the line has none, e.g. tiered) and amount. */
    public record Line(String description, long quantity, String unitAmount, String amount, String period) {
    }

    /**
     * A discount (negative amount) or a tax of the invoice; {@code name} is the coupon's or tax rate's own name and
     * may be null, {@code percentage} a tax rate's, {@code inclusive} a tax already in the lines' amounts.
     */
    public record Adjustment(String name, String percentage, boolean inclusive, String amount) {
    }

    /** What the page's Payment Element needs: the account's publishable key and the invoice's client secret. */
    public record Payment(String publishableKey, String clientSecret) {
    }

    public boolean isOpen() {
        return "open".equals(status);
    }

    public boolean isPaid() {
        return "paid".equals(status);
    }
}
