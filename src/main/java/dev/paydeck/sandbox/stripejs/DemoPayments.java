package dev.paydeck.sandbox.stripejs;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import com.stripe.param.SetupIntentRetrieveParams;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The server half of the checkout and setup demos, written as any merchant would write it: stripe-java with a sandbox
 * account's secret key, pointed at this sandbox over HTTP. The demo therefore goes through exactly the API a real
 * integration uses, and needs nothing from inside the payment intent code. The checkout demo charges the shop named
 * by the request attribute {@link #SHOP} (in the full product: the Demo Shop's account, so its payments are the Demo
 * Shop's), else the default account, as does the setup demo.
 */
@Component
class DemoPayments {

    /**
     * The request attribute naming the shop the checkout demo charges: a {@code Map<String, String>} with its account's
     * {@code publishable_key}, its {@code name} and the address of its {@code shop}. Set by Paydeck's demo module.
     */
    static final String SHOP = "paydeck.sandbox.checkout-demo";

    private final SandboxAccounts accounts;

    DemoPayments(SandboxAccounts accounts) {
        this.accounts = accounts;
    }

    SandboxAccount account() {
        return accounts.defaultAccount();
    }

    /** The account the checkout demo charges. */
    SandboxAccount checkoutAccount(HttpServletRequest request) {
        return shop(request).map(shop -> shop.get("publishable_key")).flatMap(accounts::byKey)
                .orElseGet(this::account);
    }

    /** The shop the checkout demo charges, when Paydeck names one: its {@code name} and {@code shop} address. */
    @SuppressWarnings("unchecked")
    static java.util.Optional<java.util.Map<String, String>> shop(HttpServletRequest request) {
        return request.getAttribute(SHOP) instanceof java.util.Map<?, ?> shop
                ? java.util.Optional.of((java.util.Map<String, String>) shop) : java.util.Optional.empty();
    }

    PaymentIntent create(HttpServletRequest request, long amount, String currency) throws StripeException {
        return client(request, checkoutAccount(request)).v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(currency)
                .setDescription("Sandbox checkout demo")
                .build());
    }

    PaymentIntent retrieve(HttpServletRequest request, String id) throws StripeException {
        return client(request, checkoutAccount(request)).v1().paymentIntents().retrieve(id);
    }

    /** A new customer and a SetupIntent to save a card for them (for later off-session payments). */
    SetupIntent createSetup(HttpServletRequest request) throws StripeException {
        StripeClient client = client(request);
        Customer customer = client.v1().customers().create(CustomerCreateParams.builder()
                .setName("Setup demo customer")
                .setDescription("Sandbox setup demo")
                .build());
        return client.v1().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customer.getId())
                .setDescription("Sandbox setup demo")
                .build());
    }

    /** The SetupIntent with its PaymentMethod expanded (to show the saved card). */
    SetupIntent retrieveSetup(HttpServletRequest request, String id) throws StripeException {
        return client(request).v1().setupIntents().retrieve(id, SetupIntentRetrieveParams.builder()
                .addExpand("payment_method")
                .build());
    }

    /** The sandbox as seen from this very server: the local connector, whatever name the browser used. */
    private StripeClient client(HttpServletRequest request) {
        return client(request, account());
    }

    private static StripeClient client(HttpServletRequest request, SandboxAccount account) {
        String base = "http://localhost:" + request.getLocalPort() + request.getContextPath() + "/sandbox";
        return StripeClient.builder().setApiKey(account.secretKey()).setApiBase(base)
                .setMaxNetworkRetries(0).build();
    }
}
