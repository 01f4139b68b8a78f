package dev.paydeck.sandbox.creditnotes;

import java.util.List;

/**
 * An issued (or voided) credit note as its customer reads it in its PDF, the amounts and dates already written for
 * the reader's language ({@link CreditNoteDocuments} builds it from the credit note's Stripe JSON). Public for the
 * template's expression language.
 *
 * @param reason   Stripe's word ({@code duplicate}, {@code fraudulent}, {@code order_change},
 *                 {@code product_unsatisfactory}), or null
 * @param voidedOn when it was voided, or null
 */
public record CreditNoteDocument(String id, String number, String seller, String sellerCountry, String customerName,
                                 String customerEmail, String issued, String invoiceNumber, String reason,
                                 String memo, List<Line> lines, String subtotal, String discount, List<Tax> taxes,
                                 String total, String voidedOn) {

    /** One line: its description, quantity, unit amount (or null) and the amount it credits. */
    public record Line(String description, long quantity, String unitAmount, String amount) {
    }

    /** A tax the credit note gives back, by rate: the rate's name (or null) and the amount. */
    public record Tax(String name, String amount) {
    }
}
