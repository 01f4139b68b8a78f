package dev.paydeck.sandbox.paymentmethods;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PaymentMethods as other sandbox resources use them: resolving a {@code payment_method} parameter (an id, or a
 * {@code pm_card_...} test token that makes a fresh PaymentMethod as Stripe's test mode does), creating one from
 * raw card details ({@code payment_method_data}), attaching, and reading a card's test behaviour.
 */
@Service
public class PaymentMethods {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Marks a card made from a test token, not typed in: its checks are made as if every detail was given. */
    public static final String TEST_TOKEN = "_test_token";

    /** {@code card[...]}: the raw card details Stripe accepts. */
    public static final ParamSpec CARD = ParamSpec.of()
            .string("number", "cvc", "token")
            .integer("exp_month", "exp_year")
            .any("networks");

    /** {@code payment_method_data[...]} (and the body of {@code POST /v1/payment_methods}). */
    public static final ParamSpec DATA = ParamSpec.of()
            .oneOf("type", "card")
            .object("card", CARD)
            .any("billing_details")
            .oneOf("allow_redisplay", "always", "limited", "unspecified")
            .metadata();

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final CardTokens cardTokens;

    PaymentMethods(ObjectStore store, SandboxClock clock, SandboxEvents events, CardTokens cardTokens) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.cardTokens = cardTokens;
    }

    /**
     * Checks raw card details as Stripe does (Luhn, expiry, CVC; its {@code card_error}s otherwise) and describes
     * the card: {@code card} as a card PaymentMethod renders it, and the test behaviour's key as {@code _test_card}.
     * The number and CVC are not kept.
     */
    public static ObjectNode describeCard(String accountId, Map<String, Object> card) {
        return PaymentMethodJson.card(JSON.createObjectNode(), accountId, card);
    }

    /** A new card PaymentMethod from validated {@link #DATA} parameters; Stripe's card errors on bad details. */
    public ObjectNode create(StripeCall call, Map<String, Object> data) {
        return create(call, data, false);
    }

    private ObjectNode create(StripeCall call, Map<String, Object> data, boolean testToken) {
        if (data.get("type") == null) {
            throw StripeError.parameterMissing("type");
        }
        ObjectNode paymentMethod = PaymentMethodJson.create(store.newObject("payment_method", "pm", clock.now()));
        @SuppressWarnings("unchecked")
        Map<String, Object> card = (Map<String, Object>) data.get("card");
        if (card != null && card.get("token") instanceof String token) {
            ObjectNode described = cardTokens.redeem(call, token, "card[token]");
            paymentMethod.set("card", described.get("card").deepCopy());
            paymentMethod.set("_test_card", described.get("_test_card").deepCopy());
            paymentMethod.set("billing_details", described.get("billing_details").deepCopy());
            testToken = described.path(TEST_TOKEN).asBoolean(false);
        } else {
            PaymentMethodJson.card(paymentMethod, call.accountId(), card);
        }
        PaymentMethodJson.billingDetails(paymentMethod, data.get("billing_details"));
        if (data.get("allow_redisplay") != null) {
            paymentMethod.put("allow_redisplay", (String) data.get("allow_redisplay"));
        }
        if (data.containsKey("metadata")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) data.get("metadata");
            StripeObjects.applyMetadata(paymentMethod, metadata);
        }
        if (testToken) {
            paymentMethod.put(TEST_TOKEN, true);
        }
        return store.insert(call.accountId(), paymentMethod);
    }

    /**
     * The PaymentMethod a {@code payment_method} parameter names: a stored one (locked for this transaction), or
     * for a {@code pm_card_...} token a fresh PaymentMethod of that test card.
     */
    public ObjectNode resolve(StripeCall call, String idOrToken, String param) {
        if (TestCards.isToken(idOrToken)) {
            String number = TestCards.numberForToken(idOrToken)
                    .orElseThrow(() -> StripeError.resourceMissing("PaymentMethod", idOrToken, param));
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("number", number);
            card.put("exp_month", 12L);
            card.put("exp_year", (long) Year.now(ZoneOffset.UTC).getValue() + 1);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", "card");
            data.put("card", card);
            return create(call, data, true);
        }
        return store.require(call.accountId(), idOrToken, "payment_method", param);
    }

    /**
     * The PaymentMethod an intent call names ({@code payment_method}: an id or a {@code pm_card_...} token) or
     * describes ({@code payment_method_data}: a new one), or null when it does neither.
     */
    public ObjectNode given(StripeCall call) {
        if (call.string("payment_method") != null) {
            return resolve(call, call.string("payment_method"), "payment_method");
        }
        if (call.map("payment_method_data") != null) {
            return create(call, call.map("payment_method_data"));
        }
        return null;
    }

    /**
     * Attaches to a customer (Stripe's rules: a PaymentMethod belongs to at most one customer, and a card that
     * simulates an issuer decline cannot be attached: its decline, as a {@code card_error}).
     */
    public ObjectNode attach(StripeCall call, ObjectNode paymentMethod, String customerId, String param) {
        store.require(call.accountId(), customerId, "customer", param);
        String current = paymentMethod.path("customer").asString(null);
        if (customerId.equals(current)) {
            return paymentMethod;
        }
        if (current != null) {
            throw StripeError.invalid(param,
                    "The payment method you provided has already been attached to a customer.");
        }
        TestCards.Card card = behaviour(paymentMethod);
        if (card.declinesAttaching()) {
            throw attachDeclined(card.decline());
        }
        paymentMethod.put("customer", customerId);
        store.update(call.accountId(), paymentMethod);
        ObjectNode previous = paymentMethod.objectNode();
        previous.putNull("customer");
        events.publish(call, "payment_method.attached", paymentMethod, previous);
        return paymentMethod;
    }

    /**
     * How the card behaves when charged: its test card, with the CVC check made when a CVC was given (a test token
     * such as {@code pm_card_cvcCheckFail} stands for a card given with everything its checks need).
     */
    public static TestCards.Card behaviour(ObjectNode paymentMethod) {
        return TestCards.byKey(paymentMethod.path("_test_card").asString(null))
                .given(paymentMethod.path("card").path("checks").path("cvc_check").isString()
                        || fromTestToken(paymentMethod));
    }

    /**
     * Stripe's answer to attaching (or adding as a customer's source) a card that simulates an issuer decline: the
     * decline as a {@code card_error}, as a charge would get it.
     */
    public static StripeError attachDeclined(TestCards.Decline decline) {
        StripeError.Builder error = StripeError.builder(402).type("card_error").code(decline.code())
                .declineCode(decline.declineCode()).message(decline.message());
        if (decline.param() != null) {
            error.param(decline.param());
        }
        return error.build();
    }

    /** Whether the PaymentMethod was made from a test token ({@code pm_card_...}, {@code tok_...}). */
    public static boolean fromTestToken(ObjectNode paymentMethod) {
        return paymentMethod.path(TEST_TOKEN).asBoolean(false);
    }

    /**
     * Whether the card was set up for off-session use: a payment with {@code setup_future_usage}, or a SetupIntent
     * for {@code off_session} usage, succeeded with it.
     */
    public static boolean setUpForFutureUse(ObjectNode paymentMethod) {
        return paymentMethod.path("_set_up").asBoolean(false);
    }

    public void markSetUp(StripeCall call, ObjectNode paymentMethod) {
        if (!setUpForFutureUse(paymentMethod)) {
            paymentMethod.put("_set_up", true);
            store.update(call.accountId(), paymentMethod);
        }
    }

    /** The PaymentMethod as Stripe renders it inside other objects (no internal fields). */
    public static ObjectNode rendered(ObjectNode paymentMethod) {
        ObjectNode copy = paymentMethod.deepCopy();
        copy.remove(java.util.List.of("_test_card", "_set_up", TEST_TOKEN));
        return copy;
    }
}
