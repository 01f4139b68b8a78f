package dev.paydeck.billing;

/** What a person may do to an invoice, each allowed in some statuses ({@link InvoiceStatus#allows}). */
public enum InvoiceAction {
    FINALIZE, SEND, PAY, PAY_OUT_OF_BAND, VOID, MARK_UNCOLLECTIBLE;

    /** The action's word in URLs and forms: {@code mark_uncollectible}. */
    public String code() {
        return dev.paydeck.shared.mirror.StripeCodes.code(this);
    }
}
