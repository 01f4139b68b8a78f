package dev.paydeck.sandbox.web;

import java.util.List;

/**
 * The test card numbers and {@code pm_card_*} tokens of Stripe's testing docs, as the sandbox's reference page
 * lists them. Display only: what each card does in a payment is decided by the payment-methods resource.
 */
final class TestCardReference {

    /**
     * One test card: the number to type, the token to pass as {@code payment_method}, and its brand. What happens is
     * told in the visitor's language by the message {@code sandbox.testCards.outcome.<token>}.
     */
    record Card(String number, String token, String brand) {
    }

    /** Cards that succeed, by brand. */
    static final List<Card> SUCCEEDING = List.of(
            new Card("4242 4242 4242 4242", "pm_card_visa", "Visa"),
            new Card("4000 0566 5566 5556", "pm_card_visa_debit", "Visa (debit)"),
            new Card("5555 5555 5555 4444", "pm_card_mastercard", "Mastercard"),
            new Card("3782 822463 10005", "pm_card_amex", "American Express"));

    /** Cards that are declined or fail, with the decline code Stripe reports. */
    static final List<Card> DECLINING = List.of(
            new Card("4000 0000 0000 0002", "pm_card_visa_chargeDeclined", "Visa"),
            new Card("4000 0000 0000 9995", "pm_card_visa_chargeDeclinedInsufficientFunds", "Visa"),
            new Card("4000 0000 0000 9987", "pm_card_visa_chargeDeclinedLostCard", "Visa"),
            new Card("4000 0000 0000 9979", "pm_card_visa_chargeDeclinedStolenCard", "Visa"),
            new Card("4000 0000 0000 0069", "pm_card_chargeDeclinedExpiredCard", "Visa"),
            new Card("4000 0000 0000 0127", "pm_card_chargeDeclinedIncorrectCvc", "Visa"),
            new Card("4000 0000 0000 0119", "pm_card_chargeDeclinedProcessingError", "Visa"));

    /** Cards that ask for 3-D Secure authentication. */
    static final List<Card> AUTHENTICATING = List.of(
            new Card("4000 0027 6000 3184", "pm_card_authenticationRequired", "Visa"),
            new Card("4000 0025 0000 3155", "pm_card_authenticationRequiredOnSetup", "Visa"));

    /** Cards whose successful payments are then disputed, or whose funds skip the pending balance. */
    static final List<Card> DISPUTING = List.of(
            new Card("4000 0000 0000 0259", "pm_card_createDispute", "Visa"),
            new Card("4000 0000 0000 2685", "pm_card_createDisputeProductNotReceived", "Visa"),
            new Card("4000 0000 0000 1976", "pm_card_createDisputeInquiry", "Visa"),
            new Card("4000 0000 0000 0077", "pm_card_bypassPending", "Visa"));

    /** Radar's risk levels, the card checks, refunds that change status later, and early fraud warnings. */
    static final List<Card> FRAUD_AND_REFUNDS = List.of(
            new Card("4100 0000 0000 0019", "pm_card_radarBlock", "Visa"),
            new Card("4000 0000 0000 9235", "pm_card_riskLevelElevated", "Visa"),
            new Card("4000 0000 0000 0101", "pm_card_cvcCheckFail", "Visa"),
            new Card("4000 0000 0000 0010", "pm_card_avsFail", "Visa"),
            new Card("4000 0000 0000 5126", "pm_card_refundFail", "Visa"),
            new Card("4000 0000 0000 5423", "pm_card_createIssuerFraudRecord", "Visa"));

    private TestCardReference() {
    }
}
