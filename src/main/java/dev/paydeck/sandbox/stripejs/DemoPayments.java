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
 * The server half of the checkout and setup demos, written as any merchant would write it: stripe-java with the default
 * sandbox account's secret key, pointed at this sandbox over HTTP. The demo therefore goes through exactly the API
 * a real integration uses, and needs nothing from inside the payment intent code.
 */
@Component
class DemoPayments {

    private final SandboxAccounts accounts;

    DemoPayments(SandboxAccounts accounts) {
        this.accounts = accounts;
    }

    SandboxAccount account() {
        return accounts.defaultAccount();
    }

    PaymentIntent create(HttpServletRequest request, long amount, String currency) throws StripeException {
        return client(request).v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(amount)
                .setCurrency(currency)
                .setDescription("Sandbox checkout demo")
                .build());
    }

    PaymentIntent retrieve(HttpServletRequest request, String id) throws StripeException {
        return client(request).v1().paymentIntents().retrieve(id);
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
        String base = "http://localhost:" + request.getLocalPort() + request.getContextPath() + "/sandbox";
        return StripeClient.builder().setApiKey(account().secretKey()).setApiBase(base)
                .setMaxNetworkRetries(0).build();
    }
}
