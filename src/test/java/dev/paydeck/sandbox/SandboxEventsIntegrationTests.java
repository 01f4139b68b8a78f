package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.net.RequestOptions;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxEventsIntegrationTests extends SandboxTest {

    @Test
    void listsTheEventsOfCustomerChangesNewestFirstAndParsesTheirObjects() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build(),
                RequestOptions.builder().setIdempotencyKey("create-ada").build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setName("Ada King").build());
        stripe.v1().customers().delete(customer.getId());

        var events = stripe.v1().events().list();

        assertThat(events.getData()).extracting(Event::getType)
                .containsExactly("customer.deleted", "customer.updated", "customer.created");
        Event created = events.getData().get(2);
        assertThat(created.getId()).startsWith("evt_");
        assertThat(created.getObject()).isEqualTo("event");
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getApiVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
        assertThat(created.getPendingWebhooks()).isZero();
        assertThat(created.getRequest().getId()).startsWith("req_");
        assertThat(created.getRequest().getIdempotencyKey()).isEqualTo("create-ada");
        assertThat(created.getDataObjectDeserializer().getObject()).get()
                .isInstanceOfSatisfying(Customer.class, object -> {
                    assertThat(object.getId()).isEqualTo(customer.getId());
                    assertThat(object.getName()).isEqualTo("Ada");
                });

        Event updated = events.getData().get(1);
        assertThat(((Customer) updated.getDataObjectDeserializer().getObject().orElseThrow()).getName())
                .isEqualTo("Ada King");
        assertThat(updated.getData().getPreviousAttributes()).containsEntry("name", "Ada");
    }

    @Test
    void retrievesOneEventAndSaysWhenItIsMissing() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Bo").build());
        String id = stripe.v1().events().list().getData().getFirst().getId();

        Event event = stripe.v1().events().retrieve(id);

        assertThat(event.getType()).isEqualTo("customer.created");
        assertThat(((Customer) event.getDataObjectDeserializer().getObject().orElseThrow()).getId())
                .isEqualTo(customer.getId());
        assertThatThrownBy(() -> stripe.v1().events().retrieve("evt_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getStripeError().getMessage()).isEqualTo("No such event: 'evt_missing'");
                });
        newSandboxAccount();
        assertThatThrownBy(() -> stripe.v1().events().retrieve(id)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void filtersByTypeWildcardAndTypesList() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Cy").build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setName("Cyd").build());
        stripe.v1().customers().create(CustomerCreateParams.builder().setName("Di").build());

        assertThat(stripe.v1().events().list(EventListParams.builder().setType("customer.created").build())
                .getData()).extracting(Event::getType).containsExactly("customer.created", "customer.created");
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("customer.*").build())
                .getData()).hasSize(3);
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("*.updated").build())
                .getData()).extracting(Event::getType).containsExactly("customer.updated");
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("invoice.*").build())
                .getData()).isEmpty();
        assertThat(stripe.v1().events().list(EventListParams.builder().addType("customer.updated")
                .addType("customer.deleted").build()).getData()).extracting(Event::getType)
                .containsExactly("customer.updated");
        var page = stripe.v1().events().list(EventListParams.builder().setLimit(2L).build());
        assertThat(page.getHasMore()).isTrue();
        assertThat(stripe.v1().events().list(EventListParams.builder().setLimit(2L)
                .setStartingAfter(page.getData().get(1).getId()).build()).getData()).hasSize(1);

        var both = sandboxCall("GET", "/v1/events?type=customer.created&types%5B%5D=customer.updated", null, secretKey);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json(both).at("/error/message").asString())
                .isEqualTo("You may only specify one of these parameters: type, types.");
    }
}
