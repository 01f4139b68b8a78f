package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import dev.paydeck.sandbox.sources.Sources;
import dev.paydeck.sandbox.tokens.Tokens;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * The legacy card flow: {@code POST /v1/charges} charges a card directly, named by a token ({@code source=tok_...})
 * or as a customer's card ({@code customer}, and {@code source=card_...} or the customer's {@code default_source}).
 * The test card decides as it does for a PaymentIntent; a decline leaves a failed charge and answers with Stripe's
 * card error naming it. With {@code capture=false} the charge is only authorized until
 * {@code POST /v1/charges/{id}/capture}. There is no 3-D Secure in this flow: cards that ask for it are declined.
 */
@Service
class DirectCharges {

    private final ObjectStore store;
    private final Charges charges;
    private final Tokens tokens;
    private final Sources sources;

    DirectCharges(ObjectStore store, Charges charges, Tokens tokens, Sources sources) {
        this.store = store;
        this.charges = charges;
        this.tokens = tokens;
        this.sources = sources;
    }

    ObjectNode create(StripeCall call) {
        String currency = Currencies.require(call.string("currency"), "currency");
        long amount = call.longValue("amount");
        Currencies.checkChargeAmount(amount, currency, "amount");
        String customer = call.string("customer");
        String source = call.string("source");
        if (customer == null && source == null) {
            throw StripeError.invalid(null, "Must provide source or customer.");
        }
        ObjectNode card = customer != null ? sources.toCharge(call, customer, source)
                : Tokens.card(tokens.use(call, source, "source"));
        TestCards.Decline decline = decline(Tokens.behaviour(card));
        boolean capture = !Boolean.FALSE.equals(call.bool("capture"));
        ObjectNode charge = charges.record(call, terms(call, amount, currency), Tokens.asPaymentMethod(card),
                decline, capture, false);
        if (decline != null) {
            StripeError.Builder error = StripeError.builder(402).type("card_error").code(decline.code())
                    .declineCode(decline.declineCode()).message(decline.message());
            if (decline.param() != null) {
                error.param(decline.param());
            }
            throw error.with("charge", charge.get("id").asString()).build();
        }
        if (capture) {
            charges.afterSuccess(call, charge.get("id").asString(), Tokens.behaviour(card));
        }
        return charge;
    }

    /** How the card answers a charge without 3-D Secure: its decline, or Stripe's for a card that asks for it. */
    static TestCards.Decline decline(TestCards.Card card) {
        if (card.declines()) {
            return card.decline();
        }
        return card.authentication() == TestCards.Authentication.NONE ? null : TestCards.AUTHENTICATION_REQUIRED;
    }

    ObjectNode capture(StripeCall call) {
        ObjectNode charge = charges.require(call, call.path("id"), "charge");
        ChargeCapture.check(charge);
        long authorized = charge.get("amount").asLong();
        long amount = call.has("amount") ? call.longValue("amount") : authorized;
        if (amount > authorized) {
            throw StripeError.builder(400).code("amount_too_large").param("amount")
                    .message("The amount to capture (" + amount + ") must be less than or equal to the charge's "
                            + "amount (" + authorized + ").").build();
        }
        if (amount < 1) {
            throw StripeError.invalid("amount", "This value must be greater than or equal to 1.");
        }
        return charges.capture(call, charge.get("id").asString(), amount);
    }

    private ChargeJson.Terms terms(StripeCall call, long amount, String currency) {
        ObjectNode given = store.json().createObjectNode();
        for (String field : new String[] {"customer", "description", "receipt_email", "statement_descriptor",
                "statement_descriptor_suffix"}) {
            if (call.string(field) != null) {
                given.put(field, call.string(field));
            } else {
                given.putNull(field);
            }
        }
        given.putObject("metadata");
        if (call.map("metadata") != null) {
            StripeObjects.applyMetadata(given, call.map("metadata"));
        }
        given.set("shipping", store.json().valueToTree(call.params().get("shipping")));
        return new ChargeJson.Terms(amount, currency, given.get("customer"), given.get("description"),
                given.get("metadata"), given.get("receipt_email"), given.get("shipping"),
                given.get("statement_descriptor"), given.get("statement_descriptor_suffix"), null);
    }
}
