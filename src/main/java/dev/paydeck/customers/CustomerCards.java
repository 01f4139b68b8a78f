package dev.paydeck.customers;

import com.stripe.exception.StripeException;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.SetupIntentCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The cards a customer keeps in the organization's Stripe, as the customer manages them (the customer portal): saving
 * a new one through a SetupIntent and the Payment Element, choosing the default that invoices and subscriptions
 * charge, removing one. Paydeck keeps no copy of a card: every answer is read from Stripe, outside any transaction;
 * a {@link StripeFailure} when Stripe cannot be reached.
 */
@Service
public class CustomerCards {

    private final Customers customers;
    private final StripeClients stripe;

    CustomerCards(Customers customers, StripeClients stripe) {
        this.customers = customers;
        this.stripe = stripe;
    }

    /** What the Payment Element needs to save a card for later payments: a SetupIntent's client secret. */
    public record CardSetup(String clientSecret, String publishableKey) {
    }

    /** A new SetupIntent for a card to be used off-session (renewals, invoices); empty for a customer not in Stripe. */
    public Optional<CardSetup> setUp(OrganizationId organization, CustomerId id) {
        return stripeId(organization, id).map(customer -> call(id, () -> {
            var intent = stripe.forOrganization(organization).v1().setupIntents().create(
                    SetupIntentCreateParams.builder().setCustomer(customer)
                            .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION).addPaymentMethodType("card").build());
            return new CardSetup(intent.getClientSecret(), stripe.publishableKey(organization));
        }));
    }

    /** The customer's cards, the default first. */
    public List<SavedCard> cards(OrganizationId organization, CustomerId id) {
        List<SavedCard> cards = customers.savedCards(organization, id);
        Optional<String> preferred = defaultCard(organization, id);
        return cards.stream().sorted((a, b) -> Boolean.compare(
                preferred.filter(b.paymentMethodId()::equals).isPresent(),
                preferred.filter(a.paymentMethodId()::equals).isPresent())).toList();
    }

    /** The card invoices and subscriptions charge unless told otherwise (the customer's invoice settings). */
    public Optional<String> defaultCard(OrganizationId organization, CustomerId id) {
        return stripeId(organization, id).flatMap(customer -> call(id, () -> Optional.ofNullable(
                stripe.forOrganization(organization).v1().customers().retrieve(customer).getInvoiceSettings())
                .map(settings -> settings.getDefaultPaymentMethod())));
    }

    /**
     * Makes one of the customer's cards the default; false when the card is not one of theirs (nothing changes).
     * A customer with no default yet gets the card just saved as default ({@link #adopt}).
     */
    public boolean makeDefault(OrganizationId organization, CustomerId id, String paymentMethodId) {
        if (!owns(organization, id, paymentMethodId)) {
            return false;
        }
        String customer = stripeId(organization, id).orElseThrow();
        call(id, () -> stripe.forOrganization(organization).v1().customers().update(customer,
                CustomerUpdateParams.builder().setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder()
                        .setDefaultPaymentMethod(paymentMethodId).build()).build()));
        return true;
    }

    /** After a card was saved: the default when the customer had none. */
    public void adopt(OrganizationId organization, CustomerId id, String paymentMethodId) {
        if (defaultCard(organization, id).isEmpty()) {
            makeDefault(organization, id, paymentMethodId);
        }
    }

    /** Removes (detaches) one of the customer's cards; false when the card is not one of theirs. */
    public boolean remove(OrganizationId organization, CustomerId id, String paymentMethodId) {
        if (!owns(organization, id, paymentMethodId)) {
            return false;
        }
        call(id, () -> stripe.forOrganization(organization).v1().paymentMethods().detach(paymentMethodId));
        return true;
    }

    /** The SetupIntent's card, when it succeeded for this customer. */
    public Optional<String> savedBy(OrganizationId organization, CustomerId id, String setupIntentId) {
        Optional<String> customer = stripeId(organization, id);
        if (customer.isEmpty() || setupIntentId == null || !setupIntentId.matches("seti_[A-Za-z0-9]{1,100}")) {
            return Optional.empty();
        }
        var intent = call(id, () -> stripe.forOrganization(organization).v1().setupIntents().retrieve(setupIntentId));
        return "succeeded".equals(intent.getStatus()) && customer.get().equals(intent.getCustomer())
                ? Optional.ofNullable(intent.getPaymentMethod()) : Optional.empty();
    }

    private boolean owns(OrganizationId organization, CustomerId id, String paymentMethodId) {
        return paymentMethodId != null && customers.savedCards(organization, id).stream()
                .map(SavedCard::paymentMethodId).anyMatch(paymentMethodId::equals);
    }

    private Optional<String> stripeId(OrganizationId organization, CustomerId id) {
        return customers.find(organization, id).map(Customer::stripeCustomerId);
    }

    private static <T> T call(CustomerId id, StripeCallSubject.Call<T> call) {
        try {
            return StripeCallSubject.about("customer", id, call);
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
    }
}
