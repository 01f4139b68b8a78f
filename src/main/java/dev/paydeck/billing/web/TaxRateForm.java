package dev.paydeck.billing.web;

/**
 * The new-tax-rate form, as typed ({@link TaxRatePagesController} reads the percentage and puts errors at their
 * field). {@code idempotencyKey} is the form's hidden key, so that a form submitted twice creates one tax rate.
 */
record TaxRateForm(String displayName, String percentage, boolean inclusive, String country, String state,
                   String jurisdiction, String description, String idempotencyKey) {

    static TaxRateForm empty() {
        return new TaxRateForm("", "", false, "", "", "", "", java.util.UUID.randomUUID().toString());
    }
}
