package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Card;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentSource;
import com.stripe.model.Token;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerPaymentSourceCreateParams;
import com.stripe.param.CustomerPaymentSourceListParams;
import com.stripe.param.CustomerUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCustomerSourcesIntegrationTests extends SandboxTest {

    Customer customer() throws Exception {
        return stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("ada@example.com").build());
    }

    Card addCard(String customerId, String token) throws Exception {
        PaymentSource source = stripe.v1().customers().paymentSources().create(customerId,
                CustomerPaymentSourceCreateParams.builder().setSource(token).putMetadata("label", "work").build());
        assertThat(source).isInstanceOf(Card.class);
        return (Card) source;
    }

    @Test
    void aTokensCardIsAddedToTheCustomerAndTheFirstBecomesTheDefaultSource() throws Exception {
        Customer customer = customer();
        assertThat(customer.getDefaultSource()).isNull();
        Token token = stripe.v1().tokens().create(SandboxTokensIntegrationTests.card("4242424242424242"));

        Card card = addCard(customer.getId(), token.getId());

        assertThat(card.getId()).isEqualTo(token.getCard().getId());
        assertThat(card.getObject()).isEqualTo("card");
        assertThat(card.getCustomer()).isEqualTo(customer.getId());
        assertThat(card.getBrand()).isEqualTo("Visa");
        assertThat(card.getLast4()).isEqualTo("4242");
        assertThat(card.getCvcCheck()).isEqualTo("pass");
        assertThat(card.getMetadata()).containsEntry("label", "work");
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getDefaultSource()).isEqualTo(card.getId());
        assertThat(stripe.v1().tokens().retrieve(token.getId()).getUsed()).isTrue();

        Card second = addCard(customer.getId(), "tok_mastercard");
        assertThat(second.getBrand()).isEqualTo("MasterCard");
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getDefaultSource()).isEqualTo(card.getId());

        var types = stripe.v1().events().list().getData().stream().map(Event::getType).toList();
        assertThat(types).containsSubsequence("customer.source.created", "customer.updated",
                "customer.source.created");
    }

    @Test
    void aTokenAddedOnceCannotBeAddedAgain() throws Exception {
        Customer customer = customer();
        Token token = stripe.v1().tokens().create(SandboxTokensIntegrationTests.card("4242424242424242"));
        addCard(customer.getId(), token.getId());

        assertThatThrownBy(() -> addCard(customer.getId(), token.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("token_already_used");
                    assertThat(error.getStripeError().getParam()).isEqualTo("source");
                });
    }

    @Test
    void listsRetrievesAndDeletesTheCustomersCards() throws Exception {
        Customer customer = customer();
        Card first = addCard(customer.getId(), "tok_visa");
        Card second = addCard(customer.getId(), "tok_amex");
        Card other = addCard(customer().getId(), "tok_discover");

        var cards = stripe.v1().customers().paymentSources().list(customer.getId(),
                CustomerPaymentSourceListParams.builder().setObject("card").build());
        assertThat(cards.getData()).extracting(PaymentSource::getId).containsExactly(second.getId(), first.getId());
        var bankAccounts = stripe.v1().customers().paymentSources().list(customer.getId(),
                CustomerPaymentSourceListParams.builder().setObject("bank_account").build());
        assertThat(bankAccounts.getData()).isEmpty();

        Card retrieved = (Card) stripe.v1().customers().paymentSources().retrieve(customer.getId(), second.getId());
        assertThat(retrieved.getBrand()).isEqualTo("American Express");
        assertThatThrownBy(() -> stripe.v1().customers().paymentSources().retrieve(customer.getId(), other.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getStatusCode()).isEqualTo(404));

        Card deleted = (Card) stripe.v1().customers().paymentSources().delete(customer.getId(), first.getId());
        assertThat(deleted.getId()).isEqualTo(first.getId());
        assertThat(deleted.getDeleted()).isTrue();
        // The default was deleted: the most recently added card becomes the default.
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getDefaultSource()).isEqualTo(second.getId());

        stripe.v1().customers().paymentSources().delete(customer.getId(), second.getId());
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getDefaultSource()).isNull();
        assertThat(stripe.v1().customers().paymentSources().list(customer.getId(),
                CustomerPaymentSourceListParams.builder().build()).getData()).isEmpty();
    }

    @Test
    void aCardIsAddedOnlyToACustomerThatExists() {
        assertThatThrownBy(() -> addCard("cus_missing", "tok_visa"))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getStripeError().getMessage()).isEqualTo("No such customer: 'cus_missing'");
                });
    }

    @Test
    void aCustomerIsCreatedWithACardAndItsDefaultSourceChanged() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setSource("tok_visa")
                .build());
        assertThat(customer.getDefaultSource()).startsWith("card_");
        Card second = addCard(customer.getId(), "tok_mastercard");

        Customer updated = stripe.v1().customers().update(customer.getId(),
                CustomerUpdateParams.builder().setDefaultSource(second.getId()).build());

        assertThat(updated.getDefaultSource()).isEqualTo(second.getId());
        assertThatThrownBy(() -> stripe.v1().customers().update(customer.getId(),
                CustomerUpdateParams.builder().setDefaultSource("card_missing").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getStripeError().getParam()).isEqualTo("default_source");
                });
    }
}
