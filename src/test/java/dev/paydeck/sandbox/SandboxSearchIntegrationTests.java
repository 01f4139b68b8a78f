package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.param.ChargeSearchParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerSearchParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import dev.paydeck.support.SandboxTest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxSearchIntegrationTests extends SandboxTest {

    @Test
    void searchesCustomersByEmailNameAndPhone() throws Exception {
        Customer ada = customer("ada@example.com", "Ada Lovelace", "+44 20 7946 0000", "pro");
        Customer grace = customer("grace@navy.mil", "Grace Hopper", "+1 202 555 0100", "free");
        customer(null, "Alan Turing", null, null);

        StripeSearchResult<Customer> byEmail = searchCustomers("email:\"ADA@example.com\"");
        assertThat(byEmail.getObject()).isEqualTo("search_result");
        assertThat(byEmail.getUrl()).isEqualTo("/v1/customers/search");
        assertThat(byEmail.getHasMore()).isFalse();
        assertThat(byEmail.getNextPage()).isNull();
        assertThat(byEmail.getTotalCount()).isNull();
        assertThat(ids(byEmail)).containsExactly(ada.getId());

        assertThat(ids(searchCustomers("name~\"hopp\""))).containsExactly(grace.getId());
        assertThat(ids(searchCustomers("email~'example.com'"))).containsExactly(ada.getId());
        assertThat(ids(searchCustomers("phone:'+1 202 555 0100'"))).containsExactly(grace.getId());
        assertThat(ids(searchCustomers("name:'ada lovelace'"))).containsExactly(ada.getId());
        assertThat(ids(searchCustomers("name:'ada'"))).isEmpty();
    }

    @Test
    void metadataNegationNullAndOr() throws Exception {
        Customer ada = customer("ada@example.com", "Ada Lovelace", null, "pro");
        Customer grace = customer("grace@navy.mil", "Grace Hopper", null, "free");
        Customer alan = customer(null, "Alan Turing", null, null);

        assertThat(ids(searchCustomers("metadata['plan']:'PRO'"))).containsExactly(ada.getId());
        assertThat(ids(searchCustomers("metadata[\"Plan\"]:'pro'"))).isEmpty();
        assertThat(ids(searchCustomers("-metadata['plan']:'pro'"))).containsExactly(alan.getId(), grace.getId());
        assertThat(ids(searchCustomers("email:null"))).containsExactly(alan.getId());
        assertThat(ids(searchCustomers("-email:null AND -name~'love'"))).containsExactly(grace.getId());
        assertThat(ids(searchCustomers("name:'Alan Turing' OR metadata['plan']:'free' or email:'nobody@x.io'")))
                .containsExactly(alan.getId(), grace.getId());
        assertThat(ids(searchCustomers("metadata['plan']:null"))).containsExactly(alan.getId());
    }

    @Test
    void comparesCreatedTimes() throws Exception {
        Customer ada = customer("ada@example.com", "Ada", null, null);
        long created = ada.getCreated();

        assertThat(ids(searchCustomers("created>=" + created))).containsExactly(ada.getId());
        assertThat(ids(searchCustomers("created:" + created))).containsExactly(ada.getId());
        assertThat(ids(searchCustomers("created>\"" + created + "\""))).isEmpty();
        assertThat(ids(searchCustomers("created<" + created))).isEmpty();
        assertThat(ids(searchCustomers("created<=" + created + " AND created>" + (created - 1))))
                .containsExactly(ada.getId());
    }

    @Test
    void pagesThroughResultsNewestFirstWithTheirTotalCount() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.addFirst(customer("page" + i + "@example.com", "Pager " + i, null, "paged").getId());
        }
        customer("other@example.com", "Other", null, "other");

        CustomerSearchParams.Builder query = CustomerSearchParams.builder()
                .setQuery("metadata['paged']:'yes'").setLimit(2L).addExpand("total_count");
        StripeSearchResult<Customer> first = stripe.v1().customers().search(query.build());
        assertThat(ids(first)).containsExactlyElementsOf(created.subList(0, 2));
        assertThat(first.getHasMore()).isTrue();
        assertThat(first.getNextPage()).isNotBlank();
        assertThat(first.getTotalCount()).isEqualTo(5L);

        StripeSearchResult<Customer> second = stripe.v1().customers().search(
                query.setPage(first.getNextPage()).build());
        assertThat(ids(second)).containsExactlyElementsOf(created.subList(2, 4));
        StripeSearchResult<Customer> third = stripe.v1().customers().search(
                query.setPage(second.getNextPage()).build());
        assertThat(ids(third)).containsExactlyElementsOf(created.subList(4, 5));
        assertThat(third.getHasMore()).isFalse();
        assertThat(third.getNextPage()).isNull();

        List<String> all = new ArrayList<>();
        stripe.v1().customers().search(CustomerSearchParams.builder().setQuery("metadata['paged']:'yes'")
                .setLimit(2L).build()).autoPagingIterable().forEach(customer -> all.add(customer.getId()));
        assertThat(all).containsExactlyElementsOf(created);
    }

    @Test
    void searchesPaymentIntentsAndExpandsTheirCustomers() throws Exception {
        Customer ada = customer("ada@example.com", "Ada", null, null);
        PaymentIntent small = intent(500, "usd", null, false);
        PaymentIntent paid = intent(2500, "usd", ada.getId(), true);
        PaymentIntent euros = intent(3000, "eur", ada.getId(), false);

        assertThat(ids(searchIntents("amount>1000 AND currency:'USD'"))).containsExactly(paid.getId());
        assertThat(ids(searchIntents("-currency:'usd'"))).containsExactly(euros.getId());
        assertThat(ids(searchIntents("status:'succeeded'"))).containsExactly(paid.getId());
        assertThat(ids(searchIntents("amount<=500 OR amount>=3000"))).containsExactly(euros.getId(), small.getId());
        assertThat(ids(searchIntents("customer:null"))).containsExactly(small.getId());

        StripeSearchResult<PaymentIntent> expanded = stripe.v1().paymentIntents().search(PaymentIntentSearchParams
                .builder().setQuery("customer:'" + ada.getId() + "'").addExpand("data.customer").build());
        assertThat(expanded.getUrl()).isEqualTo("/v1/payment_intents/search");
        assertThat(expanded.getData()).extracting(PaymentIntent::getId).containsExactly(euros.getId(), paid.getId());
        assertThat(expanded.getData().getFirst().getCustomerObject().getEmail()).isEqualTo("ada@example.com");
    }

    @Test
    void searchesCharges() throws Exception {
        Customer ada = customer("ada@example.com", "Ada", null, null);
        PaymentIntent paid = intent(2500, "usd", ada.getId(), true);
        intent(900, "usd", null, true);

        StripeSearchResult<Charge> byCustomer = stripe.v1().charges().search(ChargeSearchParams.builder()
                .setQuery("customer:'" + ada.getId() + "' AND status:'succeeded'").build());
        assertThat(byCustomer.getUrl()).isEqualTo("/v1/charges/search");
        assertThat(byCustomer.getData()).extracting(Charge::getPaymentIntent).containsExactly(paid.getId());

        assertThat(searchCharges("amount>=1000 payment_method_details.card.last4:4242")).extracting(Charge::getAmount)
                .containsExactly(2500L);
        assertThat(searchCharges("metadata['order']:'900'")).extracting(Charge::getAmount).containsExactly(900L);
        assertThat(searchCharges("refunded:'false' currency:'usd'")).hasSize(2);
    }

    @Test
    void refusesQueriesStripeWouldRefuse() {
        assertRefused(() -> searchCustomers("amount>10"), "query",
                "Field `amount` is an unsupported search field for resource `customers`. See "
                        + "https://stripe.com/docs/search#query-fields-for-customers for a list of supported fields.");
        // Stripe's own wording first (it names no place), then where the sandbox found the problem.
        assertRefused(() -> searchCustomers("email:'a@b.co' AND name:'a' OR name:'b'"), "query",
                "We were unable to parse your search query. Try using the format `metadata[\"key\"]:\"value\"` to "
                        + "query for metadata or key:\"value\" to query for other fields. The query is invalid at "
                        + "position 28: AND and OR can't be combined in the same query.");
        assertRefused(() -> searchCustomers("email:\"ada@example.com"), "query",
                "The query is invalid at position 6: the quoted value that starts here is not closed.");
        assertRefused(() -> searchIntents("amount>10 AND descrption:'x'"), "query",
                "Field `descrption` is an unsupported search field for resource `payment_intents`. See "
                        + "https://stripe.com/docs/search#query-fields-for-payment-intents for a list of supported "
                        + "fields.");
        assertRefused(() -> searchCustomers("name~'ad'"), "query",
                "substring matching (~) needs a value of at least 3 characters");
        assertRefused(() -> searchIntents("status~'succ'"), "query",
                "substring matching (~) is only supported on string fields");
        assertRefused(() -> searchCustomers("email>'a'"), "query",
                "numeric comparators (>) are only supported on numeric fields");
        assertRefused(() -> stripe.v1().customers().search(CustomerSearchParams.builder().setQuery("email:'a'")
                .setLimit(101L).build()), "limit", "Invalid limit: must be between 1 and 100");
        assertRefused(() -> stripe.v1().customers().search(CustomerSearchParams.builder().setQuery("email:'a'")
                .setPage("not-a-page").build()), "page", "Invalid page: 'not-a-page'.");

        var missing = sandboxCall("GET", "/v1/customers/search", null, secretKey);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").get("code").asString()).isEqualTo("parameter_missing");
        assertThat(json(missing).get("error").get("param").asString()).isEqualTo("query");
    }

    @Test
    void unservedUrlsAreUnrecognizedAndIdsAreLookedUpAsIds() {
        var post = sandboxCall("POST", "/v1/customers/search", "name=x", secretKey);
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(json(post).get("error").get("type").asString()).isEqualTo("invalid_request_error");
        assertThat(json(post).get("error").get("message").asString()).isEqualTo("Unrecognized request URL "
                + "(POST: /v1/customers/search). Please see https://stripe.com/docs or we can help at "
                + "https://support.stripe.com/.");
        assertThat(sandboxCall("GET", "/v1/customers/search/more?query=x", null, secretKey).statusCode())
                .isEqualTo(404);

        var trailingSlash = sandboxCall("GET", "/v1/customers/", null, secretKey);
        assertThat(trailingSlash.statusCode()).isEqualTo(404);
        assertThat(json(trailingSlash).get("error").get("message").asString()).isEqualTo("Unrecognized request URL "
                + "(GET: /v1/customers/). If you are trying to list objects, remove the trailing slash. If you are "
                + "trying to retrieve an object, make sure you passed a valid (non-empty) identifier in your code. "
                + "Please see https://stripe.com/docs or we can help at https://support.stripe.com/.");

        var notAnId = sandboxCall("GET", "/v1/customers/not_an_id", null, secretKey);
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(json(notAnId).get("error").get("code").asString()).isEqualTo("resource_missing");
        assertThat(json(notAnId).get("error").get("message").asString())
                .isEqualTo("No such customer: 'not_an_id'");
    }

    @Test
    void anotherAccountsObjectsAreNotFound() throws Exception {
        customer("ada@example.com", "Ada", null, null);
        newSandboxAccount();

        assertThat(ids(searchCustomers("email:'ada@example.com'"))).isEmpty();
        var raw = sandboxCall("GET", "/v1/customers/search?query="
                + URLEncoder.encode("name~'Ada'", StandardCharsets.UTF_8), null, secretKey);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(json(raw).get("data").size()).isZero();
    }

    private Customer customer(String email, String name, String phone, String plan) throws Exception {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().setName(name);
        if (email != null) {
            params.setEmail(email);
        }
        if (phone != null) {
            params.setPhone(phone);
        }
        if ("paged".equals(plan)) {
            params.putMetadata("paged", "yes");
        } else if (plan != null) {
            params.putMetadata("plan", plan);
        }
        return stripe.v1().customers().create(params.build());
    }

    private PaymentIntent intent(long amount, String currency, String customer, boolean pay) throws Exception {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency(currency).addPaymentMethodType("card").putMetadata("order", String.valueOf(amount));
        if (customer != null) {
            params.setCustomer(customer);
        }
        if (pay) {
            params.setPaymentMethod("pm_card_visa").setConfirm(true);
        }
        return stripe.v1().paymentIntents().create(params.build());
    }

    private StripeSearchResult<Customer> searchCustomers(String query) throws Exception {
        return stripe.v1().customers().search(CustomerSearchParams.builder().setQuery(query).build());
    }

    private StripeSearchResult<PaymentIntent> searchIntents(String query) throws Exception {
        return stripe.v1().paymentIntents().search(PaymentIntentSearchParams.builder().setQuery(query).build());
    }

    private List<Charge> searchCharges(String query) throws Exception {
        return stripe.v1().charges().search(ChargeSearchParams.builder().setQuery(query).build()).getData();
    }

    private static <T extends com.stripe.model.HasId> List<String> ids(StripeSearchResult<T> result) {
        return result.getData().stream().map(com.stripe.model.HasId::getId).toList();
    }

    private static void assertRefused(ThrowingCallable call, String param, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, error -> {
            assertThat(error.getStatusCode()).isEqualTo(400);
            assertThat(error.getStripeError().getType()).isEqualTo("invalid_request_error");
            assertThat(error.getParam()).isEqualTo(param);
            assertThat(error.getStripeError().getMessage()).contains(message);
        });
    }
}
