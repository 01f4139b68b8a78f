package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCustomersIntegrationTests extends SandboxTest {

    @Test
    void createsRetrievesUpdatesAndDeletesACustomer() throws Exception {
        Customer created = stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail("ada@example.com").setName("Ada Lovelace").setPhone("+44 20 7946 0000")
                .setDescription("First customer").putMetadata("plan", "pro").build());

        assertThat(created.getId()).startsWith("cus_");
        assertThat(created.getEmail()).isEqualTo("ada@example.com");
        assertThat(created.getMetadata()).containsEntry("plan", "pro");
        assertThat(created.getLivemode()).isFalse();

        Customer retrieved = stripe.v1().customers().retrieve(created.getId());
        assertThat(retrieved.getName()).isEqualTo("Ada Lovelace");

        Customer updated = stripe.v1().customers().update(created.getId(), CustomerUpdateParams.builder()
                .setName("Ada King").putMetadata("plan", "").putMetadata("tier", "gold").build());
        assertThat(updated.getName()).isEqualTo("Ada King");
        assertThat(updated.getMetadata()).containsExactlyEntriesOf(Map.of("tier", "gold"));

        Customer deleted = stripe.v1().customers().delete(created.getId());
        assertThat(deleted.getDeleted()).isTrue();
        assertThat(stripe.v1().customers().retrieve(created.getId()).getDeleted()).isTrue();
        assertThatThrownBy(() -> stripe.v1().customers().update(created.getId(),
                CustomerUpdateParams.builder().setName("x").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getCode()).isEqualTo("resource_missing");
                });
    }

    @Test
    void listsNewestFirstWithPagingAndEmailFilter() throws Exception {
        for (int i = 0; i < 5; i++) {
            stripe.v1().customers().create(CustomerCreateParams.builder()
                    .setEmail(i % 2 == 0 ? "even@example.com" : "odd@example.com").setName("c" + i).build());
        }

        var firstPage = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L).build());
        assertThat(firstPage.getData()).extracting(Customer::getName).containsExactly("c4", "c3");
        assertThat(firstPage.getHasMore()).isTrue();

        var secondPage = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L)
                .setStartingAfter(firstPage.getData().get(1).getId()).build());
        assertThat(secondPage.getData()).extracting(Customer::getName).containsExactly("c2", "c1");

        var backwards = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L)
                .setEndingBefore(secondPage.getData().get(0).getId()).build());
        assertThat(backwards.getData()).extracting(Customer::getName).containsExactly("c4", "c3");

        var evens = stripe.v1().customers().list(CustomerListParams.builder().setEmail("even@example.com").build());
        assertThat(evens.getData()).extracting(Customer::getName).containsExactly("c4", "c2", "c0");
        assertThat(evens.getHasMore()).isFalse();
    }

    @Test
    void anotherAccountsCustomerIsMissing() throws Exception {
        Customer mine = stripe.v1().customers().create(CustomerCreateParams.builder().setName("mine").build());
        newSandboxAccount();

        assertThatThrownBy(() -> stripe.v1().customers().retrieve(mine.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getStripeError().getMessage()).isEqualTo("No such customer: '" + mine.getId()
                            + "'");
                    assertThat(error.getParam()).isEqualTo("id");
                });
    }
}
