package dev.paydeck.sandbox.paymentmethods;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stripe's test cards in one place: what each card number (and each {@code pm_card_...} or {@code tok_...} test
 * token) does when it is charged, as Stripe's testing docs describe it. A card keeps only its behaviour's {@link Card#key() key}
 * ({@code _test_card}), never its number. Luhn-valid numbers that are not in the table behave like
 * {@code 4242 4242 4242 4242}.
 */
public final class TestCards {

    /** When a card asks for 3-D Secure. */
    public enum Authentication {
        /** Never. */
        NONE,
        /** On-session always; off-session only if the card was not set up for future use (4000 0025 0000 3155). */
        UNLESS_SET_UP,
        /** Every payment, on or off session (4000 0027 6000 3184, 3DS-required cards). */
        ALWAYS,
        /** On-session only: off-session payments go through as if the card had been set up (4000 0038 0000 0446). */
        ON_SESSION
    }

    /**
     * What a card does besides authorizing or declining, as Stripe's testing docs describe it for an account with
     * the default Radar settings (which block payments of the highest risk, and let failed address checks through).
     */
    public enum Effect {
        /** The CVC check fails when a CVC is given, and the payment is declined ({@code incorrect_cvc}). */
        CVC_CHECK_FAIL,
        /** {@code address_line1_check: fail} when an address line 1 is given; the payment succeeds. */
        LINE1_CHECK_FAIL,
        /** {@code address_postal_code_check: fail} when a postal code is given; the payment succeeds. */
        POSTAL_CODE_CHECK_FAIL,
        /** Both address checks are {@code unavailable}. */
        ADDRESS_UNAVAILABLE,
        /** {@code outcome.risk_level: elevated}; the payment succeeds. */
        RISK_ELEVATED,
        /** {@code outcome.risk_level: highest}: Radar blocks the payment ({@code outcome.type: blocked}). */
        RISK_HIGHEST,
        /** A refund first {@code succeeded}, then {@code failed} ({@code expired_or_canceled_card}). */
        REFUND_FAILS,
        /** A refund first {@code pending}, then {@code succeeded}. */
        REFUND_PENDING,
        /** The successful payment receives an early fraud warning. */
        EARLY_FRAUD_WARNING,
        /**
         * Attaching the card to a customer (and setting it up) succeeds; charging it fails with its decline
         * (Stripe's "decline after attaching" cards).
         */
        DECLINES_WHEN_CHARGED
    }

    /** A decline as Stripe reports it: error {@code code}, {@code decline_code} and message. */
    public record Decline(String code, String declineCode, String message, String param) {
    }

    /**
     * The dispute a card's successful payment receives at once: its {@code reason}; whether it is only an
     * {@code inquiry} (a retrieval request, no funds withdrawn) rather than a chargeback; the enhanced evidence it is
     * eligible for ({@code visa_compelling_evidence_3}, {@code visa_compliance}, {@code mastercard_compliance}, or
     * null); and how many disputes the payment receives ({@code 1}, or {@code 2} for the "multiple disputes" card).
     */
    public record Dispute(String reason, boolean inquiry, String enhancedEligibility, int count) {

        public Dispute(String reason, boolean inquiry) {
            this(reason, inquiry, null, 1);
        }

        /** A compliance dispute (the issuer says the payment broke the network's rules), not a chargeback. */
        public boolean compliance() {
            return enhancedEligibility != null && enhancedEligibility.endsWith("_compliance");
        }

        /** Stripe's {@code payment_method_details.card.case_type}. */
        public String caseType() {
            return inquiry ? "inquiry" : compliance() ? "compliance" : "chargeback";
        }
    }

    /**
     * What a card does, keyed by a stable name stored on the PaymentMethod: its issuing {@code country} (fees are
     * higher for cards from outside the account's country), 3-D Secure, a decline, a dispute after a successful
     * payment, and whether the payment's funds skip the pending balance ({@code availableAtOnce}).
     */
    public record Card(String key, String brand, String funding, String country, Authentication authentication,
                       Decline decline, Dispute dispute, boolean availableAtOnce, Set<Effect> effects) {

        public Card {
            effects = effects.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(effects));
        }

        public Card(String key, String brand, String funding, String country, Authentication authentication,
                Decline decline, Dispute dispute, boolean availableAtOnce) {
            this(key, brand, funding, country, authentication, decline, dispute, availableAtOnce, Set.of());
        }

        public Card(String key, String brand, String funding, String country, Authentication authentication,
                Decline decline) {
            this(key, brand, funding, country, authentication, decline, null, false);
        }

        public boolean has(Effect effect) {
            return effects.contains(effect);
        }

        /**
         * The card as a payment with it finds it: a CVC-check-fail card given a CVC declines with
         * {@code incorrect_cvc} (Stripe skips the check when no CVC is given).
         */
        public Card given(boolean cvcProvided) {
            if (cvcProvided && has(Effect.CVC_CHECK_FAIL) && decline == null) {
                return new Card(key, brand, funding, country, authentication, INCORRECT_CVC, dispute,
                        availableAtOnce, effects);
            }
            return this;
        }

        public boolean declines() {
            return decline != null;
        }

        /**
         * Whether attaching the card to a customer fails with its decline: Stripe refuses cards that simulate
         * issuer declines (not Radar's blocks, the cards that decline only when charged, nor those that decline
         * after 3-D Secure).
         */
        public boolean declinesAttaching() {
            return decline != null && authentication == Authentication.NONE && !has(Effect.RISK_HIGHEST)
                    && !has(Effect.DECLINES_WHEN_CHARGED);
        }

        /**
         * Whether setting the card up (a SetupIntent) is declined: not for the cards that decline only when charged,
         * nor for the one that authenticates and then declines every payment (it can be set up).
         */
        public boolean declinesSetup() {
            return decline != null && !has(Effect.DECLINES_WHEN_CHARGED)
                    && authentication != Authentication.ON_SESSION;
        }

        public boolean disputed() {
            return dispute != null;
        }
    }

    public static final Decline GENERIC_DECLINE = new Decline("card_declined", "generic_decline",
            "Your card was declined.", null);
    public static final Decline INSUFFICIENT_FUNDS = new Decline("card_declined", "insufficient_funds",
            "Your card has insufficient funds.", null);
    public static final Decline EXPIRED_CARD = new Decline("expired_card", "expired_card",
            "Your card has expired.", "exp_month");
    public static final Decline INCORRECT_CVC = new Decline("incorrect_cvc", "incorrect_cvc",
            "Your card's security code is incorrect.", "cvc");
    public static final Decline PROCESSING_ERROR = new Decline("processing_error", "processing_error",
            "An error occurred while processing your card. Try again in a little bit.", null);
    public static final Decline LOST_CARD = new Decline("card_declined", "lost_card", "Your card was declined.",
            null);
    public static final Decline STOLEN_CARD = new Decline("card_declined", "stolen_card", "Your card was declined.",
            null);
    public static final Decline FRAUDULENT = new Decline("card_declined", "fraudulent", "Your card was declined.",
            null);
    public static final Decline VELOCITY_LIMIT_EXCEEDED = new Decline("card_declined", "card_velocity_exceeded",
            "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.", null);
    /** An off-session payment with a card that needs authentication the customer is not there to give. */
    public static final Decline AUTHENTICATION_REQUIRED = new Decline("authentication_required",
            "authentication_required", "Your card was declined. This transaction requires authentication.", null);

    private static final Map<String, Card> BY_NUMBER = new LinkedHashMap<>();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static final Map<String, Card> BY_KEY = new LinkedHashMap<>();
    /** Test tokens with a behaviour of their own but no card number of their own (they show another card's). */
    private static final Map<String, Card> TOKEN_ONLY = new LinkedHashMap<>();

    /*
     * Stripe's testing docs (docs.stripe.com/testing): each card with its behaviour and the names of its test tokens.
     * A name gives both a PaymentMethod token (pm_card_<name>) and a legacy card token (tok_<name>).
     */
    static {
        card("4242424242424242", "visa", "visa", "credit", Authentication.NONE, null, "visa");
        card("4000056655665556", "visa_debit", "visa", "debit", Authentication.NONE, null, "visa_debit");
        card("5555555555554444", "mastercard", "mastercard", "credit", Authentication.NONE, null, "mastercard");
        card("5200828282828210", "mastercard_debit", "mastercard", "debit", Authentication.NONE, null,
                "mastercard_debit");
        card("5105105105105100", "mastercard_prepaid", "mastercard", "prepaid", Authentication.NONE, null,
                "mastercard_prepaid");
        card("378282246310005", "amex", "amex", "credit", Authentication.NONE, null, "amex");
        card("6011111111111117", "discover", "discover", "credit", Authentication.NONE, null, "discover");
        card("3056930009020004", "diners", "diners", "credit", Authentication.NONE, null, "diners");
        // Issued outside the US, as the docs warn for JCB and UnionPay (a cross-border fee even in test mode).
        special(new Card("jcb", "jcb", "credit", "JP", Authentication.NONE, null), "3566002020360505", "jcb");
        special(new Card("unionpay", "unionpay", "credit", "CN", Authentication.NONE, null), "6200000000000005",
                "unionpay");
        // The brands' other numbers (no test tokens of their own).
        card("2223003122003222", "mastercard_2_series", "mastercard", "credit", Authentication.NONE, null);
        card("371449635398431", "amex_2", "amex", "credit", Authentication.NONE, null);
        card("6011000990139424", "discover_2", "discover", "credit", Authentication.NONE, null);
        card("6011981111111113", "discover_debit", "discover", "debit", Authentication.NONE, null);
        card("36227206271667", "diners_14_digit", "diners", "credit", Authentication.NONE, null);
        special(new Card("unionpay_debit", "unionpay", "debit", "CN", Authentication.NONE, null),
                "6200000000000047");
        special(new Card("unionpay_19_digit", "unionpay", "credit", "CN", Authentication.NONE, null),
                "6205500000000000004");
        // Co-branded cards: Cartes Bancaires (France) and eftpos (Australia) with Visa or Mastercard.
        special(new Card("visa_cartes_bancaires", "visa", "credit", "FR", Authentication.NONE, null),
                "4000002500001001", "visa_cartesBancaires");
        special(new Card("mastercard_cartes_bancaires", "mastercard", "credit", "FR", Authentication.NONE, null),
                "5555552500001001", "mastercard_cartesBancaires");
        special(new Card("visa_eftpos_au", "visa", "debit", "AU", Authentication.NONE, null), "4000050360000001",
                "visa_debit_eftposAuCoBranded");
        special(new Card("mastercard_eftpos_au", "mastercard", "debit", "AU", Authentication.NONE, null),
                "5555050360000080", "mastercard_debit_eftposAuCoBranded");
        // Health savings and flexible spending account cards (HSA, FSA): US debit cards.
        card("4000051230000072", "visa_fsa", "visa", "debit", Authentication.NONE, null,
                "debit_visaFsaProductCode", "debit_visaHsaProductCode");
        card("5200828282828897", "mastercard_fsa", "mastercard", "debit", Authentication.NONE, null,
                "mastercard_debit_mastercardFsaProductCode");
        // A successful payment whose funds go straight to the available balance, bypassing the pending one.
        special(new Card("bypass_pending", "visa", "credit", "US", Authentication.NONE, null, null, true),
                "4000000000000077", "bypassPending");
        // Succeeds: its other effect (domestic pricing) is not emulated.
        card("4000000000000093", "domestic_pricing", "visa", "credit", Authentication.NONE, null,
                "domesticPricing");
        // Cards by issuing country (Stripe's "international cards"), for international card fees.
        country("4000000760000002", "visa_br", "BR", "br");
        country("4000001240000000", "visa_ca", "CA", "ca");
        country("4000004840008001", "visa_mx", "MX", "mx");
        country("4000008260000000", "visa_gb", "GB", "gb");
        country("4000002500000003", "visa_fr", "FR", "fr");
        country("4000002760000016", "visa_de", "DE", "de");
        alias("4242424242424242", "us");
        country("4000000320000021", "visa_ar", "AR", "ar");
        country("4000001520000001", "visa_cl", "CL", "cl");
        country("4000001700000003", "visa_co", "CO", "co");
        country("4000001880000005", "visa_cr", "CR", "cr");
        country("4000002180000000", "visa_ec", "EC", "ec");
        country("4000005910000000", "visa_pa", "PA", "pa");
        country("4000006000000066", "visa_py", "PY", "py");
        country("4000006040000068", "visa_pe", "PE", "pe");
        country("4000008580000003", "visa_uy", "UY", "uy");
        country("4000007840000001", "visa_ae", "AE", "ae");
        country("4000000400000008", "visa_at", "AT", "at");
        country("4000000560000004", "visa_be", "BE", "be");
        country("4000001000000000", "visa_bg", "BG", "bg");
        country("4000001120000005", "visa_by", "BY", "by");
        country("4000001910000009", "visa_hr", "HR", "hr");
        country("4000001960000008", "visa_cy", "CY", "cy");
        country("4000002030000002", "visa_cz", "CZ", "cz");
        country("4000002080000001", "visa_dk", "DK", "dk");
        country("4000002330000009", "visa_ee", "EE", "ee");
        country("4000002460000001", "visa_fi", "FI", "fi");
        country("4000002920000005", "visa_gi", "GI", "gi");
        country("4000003000000030", "visa_gr", "GR", "gr");
        country("4000003480000005", "visa_hu", "HU", "hu");
        country("4000003720000005", "visa_ie", "IE", "ie");
        country("4000003800000008", "visa_it", "IT", "it");
        country("4000004280000005", "visa_lv", "LV", "lv");
        country("4000004380000004", "visa_li", "LI", "li");
        country("4000004400000000", "visa_lt", "LT", "lt");
        country("4000004420000006", "visa_lu", "LU", "lu");
        country("4000004700000007", "visa_mt", "MT", "mt");
        country("4000005280000002", "visa_nl", "NL", "nl");
        country("4000005780000007", "visa_no", "NO", "no");
        country("4000006160000005", "visa_pl", "PL", "pl");
        country("4000006200000007", "visa_pt", "PT", "pt");
        country("4000006420000001", "visa_ro", "RO", "ro");
        country("4000006820000007", "visa_sa", "SA", "sa");
        country("4000007050000006", "visa_si", "SI", "si");
        country("4000007030000001", "visa_sk", "SK", "sk");
        country("4000007240000007", "visa_es", "ES", "es");
        special(new Card("mastercard_ae", "mastercard", "credit", "AE", Authentication.NONE, null),
                "5200007840000022", "ae_mastercard");
        special(new Card("mastercard_gb", "mastercard", "credit", "GB", Authentication.NONE, null),
                "5555558265554449", "gb_mastercard");
        special(new Card("jcb_jp", "jcb", "credit", "JP", Authentication.NONE, null), "3530111333300000");
        country("4000007520000008", "visa_se", "SE", "se");
        country("4000007560000009", "visa_ch", "CH", "ch");
        special(new Card("visa_gb_debit", "visa", "debit", "GB", Authentication.NONE, null), "4000058260000005",
                "gb_debit");
        country("4000000360000006", "visa_au", "AU", "au");
        country("4000001560000002", "visa_cn", "CN", "cn");
        country("4000003440000004", "visa_hk", "HK", "hk");
        country("4000003560000008", "visa_in", "IN", "in");
        country("4000003920000003", "visa_jp", "JP", "jp");
        country("4000004580000002", "visa_my", "MY", "my");
        country("4000005540000008", "visa_nz", "NZ", "nz");
        country("4000007020000003", "visa_sg", "SG", "sg");
        country("4000001580000008", "visa_tw", "TW", "tw");
        country("4000007640000003", "visa_th", "TH", "th");
        alias("4000007640000003", "th_credit");
        special(new Card("visa_th_debit", "visa", "debit", "TH", Authentication.NONE, null), "4000057640000008",
                "th_debit");
        special(new Card("bypass_pending_international", "visa", "credit", "IE", Authentication.NONE, null, null,
                true), "4000003720000278", "bypassPendingInternational");
        // Successful payments that are then disputed (Stripe's dispute test cards).
        special(new Card("dispute_fraudulent", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", false), false), "4000000000000259", "createDispute");
        special(new Card("dispute_product_not_received", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("product_not_received", false), false), "4000000000002685",
                "createDisputeProductNotReceived");
        special(new Card("dispute_inquiry", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", true), false), "4000000000001976", "createDisputeInquiry");
        special(new Card("dispute_multiple", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", false, null, 2), false), "4000000404000079", "createMultipleDisputes");
        special(new Card("dispute_visa_ce3", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", false, "visa_compelling_evidence_3", 1), false), "4000000404000038",
                "createCe3EligibleDispute");
        special(new Card("dispute_visa_compliance", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("noncompliant", false, "visa_compliance", 1), false), "4000008400000779",
                "createComplianceDispute");
        special(new Card("dispute_mastercard_compliance", "mastercard", "credit", "US", Authentication.NONE,
                null, new Dispute("noncompliant", false, "mastercard_compliance", 1), false), "5105008400000002",
                "createMastercardComplianceDispute");
        // Smart Disputes and dispute prevention (Visa RDR, Verifi CE 3.0 block, Ethoca): an account that is not
        // enrolled, as the sandbox's are, gets the dispute (the docs name no reason: fraudulent, as the first card).
        special(new Card("dispute_smart_disputes", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", false), false), "4000000001000043",
                "createAutoRepresentmentEligibleDispute");
        special(new Card("dispute_rapid_dispute_resolution", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", false), false), "4000000404004816", "createRapidDisputeResolutionDispute");
        special(new Card("dispute_ce3_block", "visa", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", false), false), "4000000404005649", "createCe3BlockDispute");
        special(new Card("dispute_ethoca_alert", "mastercard", "credit", "US", Authentication.NONE, null,
                new Dispute("fraudulent", false), false), "5105000300000018", "createEthocaAlert");

        card("4000000000000002", "generic_decline", "visa", "credit", Authentication.NONE, GENERIC_DECLINE,
                "chargeDeclined", "visa_chargeDeclined");
        card("4000000000009995", "insufficient_funds", "visa", "credit", Authentication.NONE, INSUFFICIENT_FUNDS,
                "chargeDeclinedInsufficientFunds", "visa_chargeDeclinedInsufficientFunds");
        card("4000000000009987", "lost_card", "visa", "credit", Authentication.NONE, LOST_CARD,
                "chargeDeclinedLostCard", "visa_chargeDeclinedLostCard");
        card("4000000000009979", "stolen_card", "visa", "credit", Authentication.NONE, STOLEN_CARD,
                "chargeDeclinedStolenCard", "visa_chargeDeclinedStolenCard");
        card("4000000000000069", "expired_card", "visa", "credit", Authentication.NONE, EXPIRED_CARD,
                "chargeDeclinedExpiredCard", "visa_chargeDeclinedExpiredCard");
        card("4000000000000127", "incorrect_cvc", "visa", "credit", Authentication.NONE, INCORRECT_CVC,
                "chargeDeclinedIncorrectCvc", "visa_chargeDeclinedIncorrectCvc");
        card("4000000000000119", "processing_error", "visa", "credit", Authentication.NONE, PROCESSING_ERROR,
                "chargeDeclinedProcessingError", "visa_chargeDeclinedProcessingError");
        // Radar's fraud checks (docs.stripe.com/radar/testing and the testing docs' fraud prevention cards), with
        // the default settings: the highest risk is blocked, failed address checks are let through.
        effects("4100000000000019", "fraudulent", FRAUDULENT, Set.of(Effect.RISK_HIGHEST),
                "chargeDeclinedFraudulent", "radarBlock", "visa_chargeDeclinedFraudulent");
        effects("4000000000004954", "risk_level_highest", FRAUDULENT, Set.of(Effect.RISK_HIGHEST),
                "riskLevelHighest");
        effects("4000000000009235", "risk_level_elevated", null, Set.of(Effect.RISK_ELEVATED), "riskLevelElevated");
        effects("4000000000000101", "cvc_check_fail", null, Set.of(Effect.CVC_CHECK_FAIL), "cvcCheckFail");
        effects("4000000000000010", "avs_fail", null, Set.of(Effect.LINE1_CHECK_FAIL, Effect.POSTAL_CODE_CHECK_FAIL),
                "avsFail");
        effects("4000000000000028", "avs_line1_fail", null, Set.of(Effect.LINE1_CHECK_FAIL), "avsLine1Fail");
        effects("4000000000000036", "avs_zip_fail", null, Set.of(Effect.POSTAL_CODE_CHECK_FAIL), "avsZipFail");
        effects("4000000000000044", "avs_unchecked", null, Set.of(Effect.ADDRESS_UNAVAILABLE), "avsUnchecked");
        effects("4000058400307872", "cvc_check_fail_elevated_risk", null,
                Set.of(Effect.CVC_CHECK_FAIL, Effect.RISK_ELEVATED), "cvcCheckFailElevatedRisk");
        effects("4000058400306072", "avs_zip_fail_elevated_risk", null,
                Set.of(Effect.POSTAL_CODE_CHECK_FAIL, Effect.RISK_ELEVATED), "avsZipFailElevatedRisk");
        // Radar's optional controls (fraud dispute and early fraud warning scores, dynamic risk thresholds, adaptive
        // 3-D Secure) are off in the default settings the sandbox has: these payments succeed.
        effects("4000008400000407", "high_fraud_dispute_score", null, Set.of(), "highFraudDisputeScore");
        effects("4000008400000159", "high_early_fraud_warning_score", null, Set.of(), "highEfwScore");
        effects("4000008400001017", "radar_dynamic_risk_threshold", null, Set.of(), "radarDynamicRiskThreshold");
        effects("4000008405600003", "adaptive_three_d_secure", null, Set.of(), "adaptive3dsChallenge");
        // A captcha on Stripe's own payment pages: through the API (and the sandbox's pages) the payment succeeds.
        effects("4000000000001208", "captcha_challenge", null, Set.of());
        effects("4000000000003725", "captcha_challenge_2", null, Set.of());
        // Successful payments whose refunds change status later, and one that gets an early fraud warning.
        effects("4000000000005126", "refund_fail", null, Set.of(Effect.REFUND_FAILS), "refundFail");
        effects("4000000000007726", "pending_refund", null, Set.of(Effect.REFUND_PENDING), "pendingRefund");
        effects("4000000000005423", "early_fraud_warning", null, Set.of(Effect.EARLY_FRAUD_WARNING),
                "createIssuerFraudRecord");
        card("4000000000006975", "velocity_limit_exceeded", "visa", "credit", Authentication.NONE,
                VELOCITY_LIMIT_EXCEEDED, "chargeDeclinedVelocityLimitExceeded",
                "visa_chargeDeclinedVelocityLimitExceeded");
        // Attaching it to a customer succeeds; charging it fails. The lost and stolen card variants exist as
        // tokens only: they show this card's number.
        effects("4000000000000341", "charge_customer_fail", GENERIC_DECLINE, Set.of(Effect.DECLINES_WHEN_CHARGED),
                "chargeCustomerFail", "visa_chargeCustomerFail");
        tokenOnly("tok_visa_chargeCustomerFailLostCard", "4000000000000341", new Card("charge_customer_fail_lost_card",
                "visa", "credit", "US", Authentication.NONE, LOST_CARD, null, false,
                Set.of(Effect.DECLINES_WHEN_CHARGED)));
        tokenOnly("tok_visa_chargeCustomerFailStolenCard", "4000000000000341", new Card(
                "charge_customer_fail_stolen_card", "visa", "credit", "US", Authentication.NONE, STOLEN_CARD, null,
                false, Set.of(Effect.DECLINES_WHEN_CHARGED)));
        // An insufficient funds decline of a debit card (a token only: it shows the Visa debit card's number).
        tokenOnly("tok_visa_debit_chargeDeclinedInsufficientFunds", "4000056655665556", new Card(
                "insufficient_funds_debit", "visa", "debit", "US", Authentication.NONE, INSUFFICIENT_FUNDS));

        card("4000002500003155", "authentication_required_on_setup", "visa", "credit", Authentication.UNLESS_SET_UP,
                null, "authenticationRequiredOnSetup");
        card("4000002760003184", "authentication_required", "visa", "credit", Authentication.ALWAYS, null,
                "authenticationRequired");
        card("4000000000003063", "three_d_secure_required", "visa", "credit", Authentication.ALWAYS, null,
                "threeDSecureRequired");
        // Ireland-issued, as the docs say.
        special(new Card("three_d_secure_2_required", "visa", "credit", "IE", Authentication.ALWAYS, null),
                "4000000000003220", "threeDSecure2Required");
        // The same, US-issued.
        card("4000008400000027", "three_d_secure_2_required_us", "visa", "credit", Authentication.ALWAYS, null);
        // The mobile challenge flows' cards: 3-D Secure on every payment; no tokens.
        card("4000000000003238", "three_d_secure_2_otp", "visa", "credit", Authentication.ALWAYS, null);
        card("4000000000003246", "three_d_secure_2_single_select", "visa", "credit", Authentication.ALWAYS, null);
        card("4000000000003253", "three_d_secure_2_multi_select", "visa", "credit", Authentication.ALWAYS, null);
        card("4000582600000094", "three_d_secure_2_out_of_band", "visa", "credit", Authentication.ALWAYS, null);
        card("4000582600000045", "three_d_secure_2_one_time_passcode", "visa", "credit", Authentication.ALWAYS, null);
        card("4000582600000102", "three_d_secure_2_single_select_2", "visa", "credit", Authentication.ALWAYS, null);
        card("4000582600000110", "three_d_secure_2_multi_select_2", "visa", "credit", Authentication.ALWAYS, null);
        // Already set up: on-session payments authenticate, off-session ones succeed as if set up.
        card("4000003800000446", "authentication_required_setup_for_off_session", "visa", "credit",
                Authentication.ON_SESSION, null, "authenticationRequiredSetupForOffSession");
        // Authenticates, then every payment is declined: insufficient_funds.
        card("4000008260003178", "authentication_required_insufficient_funds", "visa", "credit",
                Authentication.ON_SESSION, INSUFFICIENT_FUNDS, "authenticationRequiredChargeDeclinedInsufficientFunds");
        // 3-D Secure required, then declined (card_declined) after the customer authenticates.
        card("4000008400001629", "three_d_secure_required_declined", "visa", "credit", Authentication.ALWAYS,
                GENERIC_DECLINE, "threeDSecureRequiredChargeDeclined");
        // 3-D Secure required but its lookup fails: no challenge, the payment is declined (card_declined).
        card("4000008400001280", "three_d_secure_required_processing_error", "visa", "credit", Authentication.NONE,
                GENERIC_DECLINE, "threeDSecureRequiredProcessingError");
        // 3-D Secure supported but not requested by default: the payment succeeds without it.
        card("4000000000003055", "three_d_secure_optional", "visa", "credit", Authentication.NONE, null,
                "threeDSecureOptional");
        card("4000000000003097", "three_d_secure_optional_processing_error", "visa", "credit", Authentication.NONE,
                null, "threeDSecureOptionalProcessingError");
        // 3-D Secure not supported: the payment proceeds without it.
        alias("378282246310005", "amex_threeDSecureNotSupported");
    }

    private TestCards() {
    }

    private static void card(String number, String key, String brand, String funding, Authentication authentication,
            Decline decline, String... tokenNames) {
        special(new Card(key, brand, funding, "US", authentication, decline), number, tokenNames);
    }

    private static void effects(String number, String key, Decline decline, Set<Effect> effects,
            String... tokenNames) {
        special(new Card(key, "visa", "credit", "US", Authentication.NONE, decline, null, false, effects), number,
                tokenNames);
    }

    private static void tokenOnly(String token, String shownNumber, Card card) {
        TOKENS.put(token, shownNumber);
        TOKEN_ONLY.put(token, card);
        BY_KEY.put(card.key(), card);
    }

    /** More test token names for a card already in the table. */
    private static void alias(String number, String... tokenNames) {
        for (String name : tokenNames) {
            TOKENS.put("pm_card_" + name, number);
            TOKENS.put("tok_" + name, number);
        }
    }

    private static void country(String number, String key, String country, String tokenName) {
        special(new Card(key, "visa", "credit", country, Authentication.NONE, null), number, tokenName);
    }

    private static void special(Card card, String number, String... tokenNames) {
        BY_NUMBER.put(number, card);
        BY_KEY.put(card.key(), card);
        for (String name : tokenNames) {
            TOKENS.put("pm_card_" + name, number);
            TOKENS.put("tok_" + name, number);
        }
    }

    /** The behaviour of a (Luhn-valid) number: the table's, or a plain successful card of its brand. */
    public static Card forNumber(String number) {
        Card known = BY_NUMBER.get(number);
        if (known != null) {
            return known;
        }
        String brand = brand(number);
        return new Card("success_" + brand, brand, "credit", "US", Authentication.NONE, null);
    }

    /** The card number a test token ({@code pm_card_visa}, {@code tok_visa}...) stands for. */
    public static Optional<String> numberForToken(String token) {
        return Optional.ofNullable(TOKENS.get(token));
    }

    /**
     * The behaviour of a test token that has no card number of its own (such as
     * {@code tok_visa_chargeCustomerFailLostCard}), which overrides the behaviour of the number it shows.
     */
    public static Optional<Card> tokenOnly(String token) {
        return Optional.ofNullable(TOKEN_ONLY.get(token));
    }

    /** Whether the value names a {@code pm_card_...} test PaymentMethod (known or not). */
    public static boolean isToken(String value) {
        return value != null && value.startsWith("pm_card_");
    }

    /** The test tokens, {@code pm_card_...} and {@code tok_...}, in the order of Stripe's testing docs. */
    public static Set<String> tokens() {
        return Collections.unmodifiableSet(TOKENS.keySet());
    }

    /** The behaviour stored on a PaymentMethod as {@code _test_card}. */
    public static Card byKey(String key) {
        if (key == null) {
            return forNumber("4242424242424242");
        }
        Card known = BY_KEY.get(key);
        if (known != null) {
            return known;
        }
        String brand = key.startsWith("success_") ? key.substring("success_".length()) : "unknown";
        return new Card(key, brand, "credit", "US", Authentication.NONE, null);
    }

    /** The Luhn check digit test every card number passes. */
    public static boolean luhn(String number) {
        if (number == null || number.length() < 12 || number.length() > 19 || !number.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The card brand from the number's leading digits, with Stripe's brand names. */
    public static String brand(String number) {
        if (number.startsWith("4")) {
            return "visa";
        }
        int two = Integer.parseInt(number.substring(0, 2));
        int four = Integer.parseInt(number.substring(0, 4));
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return "mastercard";
        }
        if (two == 34 || two == 37) {
            return "amex";
        }
        if (number.startsWith("6011") || number.startsWith("65") || (four >= 6440 && four <= 6499)) {
            return "discover";
        }
        if (two == 35) {
            return "jcb";
        }
        if (two == 36 || two == 38 || two == 30) {
            return "diners";
        }
        if (two == 62) {
            return "unionpay";
        }
        return "unknown";
    }
}
