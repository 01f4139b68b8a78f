package dev.paydeck.sandbox.tokens;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.paymentmethods.CardTokens;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.node.ObjectNode;

import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Card tokens: made from raw card details ({@code POST /v1/tokens}, with a secret or publishable key) or named by a
 * test token ({@code tok_visa}, which makes a fresh token each time it is used, as in Stripe's test mode), and used
 * once, by a charge, a customer's new card source or a new PaymentMethod. A token's card keeps only what Stripe
 * keeps (brand, last4, expiry, fingerprint), never the number or the CVC.
 */
@Service("sandboxTokens")
public class Tokens implements CardTokens {

    private final ObjectStore store;
    private final SandboxClock clock;

    Tokens(ObjectStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new, unused token for the card details (checked as Stripe checks them: its card errors otherwise). */
    public ObjectNode create(StripeCall call, Map<String, Object> card) {
        ObjectNode described = PaymentMethods.describeCard(call.accountId(), card);
        ObjectNode token = store.newObject("token", "tok", clock.now());
        ObjectNode cardNode = token.putObject("card");
        cardNode.put("id", Ids.generate("card"));
        cardNode.put("object", "card");
        CardJson.create(cardNode, described, card);
        clientIp().ifPresentOrElse(ip -> token.put("client_ip", ip), () -> token.putNull("client_ip"));
        token.put("livemode", false);
        token.put("type", "card");
        token.put("used", false);
        return store.insert(call.accountId(), token);
    }

    /**
     * Uses up the token a {@code param} names and returns it: a stored token (once only), or a fresh one for a test
     * token such as {@code tok_visa}.
     */
    public ObjectNode use(StripeCall call, String id, String param) {
        ObjectNode token;
        Optional<String> testNumber = id.startsWith("tok_") ? TestCards.numberForToken(id) : Optional.empty();
        if (testNumber.isPresent()) {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("number", testNumber.get());
            card.put("exp_month", 12L);
            card.put("exp_year", (long) Year.now(ZoneOffset.UTC).getValue() + 1);
            card.put("cvc", "123");
            token = create(call, card);
            ((ObjectNode) token.get("card")).put(PaymentMethods.TEST_TOKEN, true);
            ObjectNode testCard = (ObjectNode) token.get("card");
            TestCards.tokenOnly(id).ifPresent(behaviour -> testCard.put("_test_card", behaviour.key()));
        } else {
            token = store.require(call.accountId(), id, "token", param);
        }
        if (token.get("used").asBoolean()) {
            throw StripeError.builder(400).code("token_already_used").param(param)
                    .message("You cannot use a Stripe token more than once: " + id + ".").build();
        }
        token.put("used", true);
        store.update(call.accountId(), token);
        return token;
    }

    @Override
    public ObjectNode redeem(StripeCall call, String token, String param) {
        return asPaymentMethod((ObjectNode) use(call, token, param).get("card"));
    }

    /** The card a token holds, as a new object of its own (with the token's card id), for a customer to keep. */
    public static ObjectNode card(ObjectNode token) {
        ObjectNode card = ((ObjectNode) token.get("card")).deepCopy();
        card.put("created", token.get("created").asLong());
        return card;
    }

    /**
     * A card as a charge's payment method: its id, billing details (the holder's name and address) and details
     * ({@code card}, {@code _test_card}), the fields a charge copies from a PaymentMethod.
     */
    public static ObjectNode asPaymentMethod(ObjectNode card) {
        ObjectNode paymentMethod = CardJson.described(card);
        paymentMethod.put("id", card.get("id").asString());
        ObjectNode billing = paymentMethod.putObject("billing_details");
        ObjectNode address = billing.putObject("address");
        address.set("city", card.get("address_city").deepCopy());
        address.set("country", card.get("address_country").deepCopy());
        address.set("line1", card.get("address_line1").deepCopy());
        address.set("line2", card.get("address_line2").deepCopy());
        address.set("postal_code", card.get("address_zip").deepCopy());
        address.set("state", card.get("address_state").deepCopy());
        billing.putNull("email");
        billing.set("name", card.get("name").deepCopy());
        billing.putNull("phone");
        billing.putNull("tax_id");
        return paymentMethod;
    }

    /** How the card behaves when charged (as {@link PaymentMethods#behaviour} says of its PaymentMethod form). */
    public static TestCards.Card behaviour(ObjectNode card) {
        return PaymentMethods.behaviour(asPaymentMethod(card));
    }

    private static Optional<String> clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getRemoteAddr());
        }
        return Optional.empty();
    }
}
