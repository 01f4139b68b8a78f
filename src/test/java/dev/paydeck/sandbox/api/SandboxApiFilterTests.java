package dev.paydeck.sandbox.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the API's first steps, which the integration tests (run without a rate limit) cannot show: the key
 * before the rate limit, the rate limit before the route and the parameters. The database's parts are left out: one
 * account, one endpoint, no idempotency key, a transaction that only runs its work.
 */
class SandboxApiFilterTests {

    private static final SandboxAccount ACCOUNT = new SandboxAccount("acct_1", "Shop", "sk_test_right_key_0001",
            "pk_test_right_key_0001", SandboxAccount.NO_FAULT, true, null);
    private static final SandboxAccount OTHER = new SandboxAccount("acct_2", "Other", "sk_test_other_key_0002",
            "pk_test_other_key_0002", SandboxAccount.NO_FAULT, true, null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxAccounts accounts = new SandboxAccounts(null) {
        @Override
        public Optional<SandboxAccount> byKey(String key) {
            return Stream.of(ACCOUNT, OTHER).filter(account -> account.secretKey().equals(key)).findFirst();
        }
    };
    private final RequestLog requestLog = new RequestLog(null) {
        @Override
        void record(String accountId, String requestId, String method, String path, int status, String key) {
        }
    };
    private final TransactionTemplate transactions = new TransactionTemplate() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            return action.doInTransaction(new SimpleTransactionStatus());
        }
    };
    private final StripeResource customers = routes -> {
        routes.get("/v1/customers", ParamSpec.of().integer("limit"), call -> Map.of("object", "list"));
        routes.get("/v1/broken", ParamSpec.of(), call -> {
            throw new IllegalStateException("connection to 10.0.0.7 refused");
        });
    };

    /** One request a second: the second within the same second is over the limit. */
    private final SandboxApiFilter filter = new SandboxApiFilter(List.of(customers), accounts, new Idempotency(null),
            requestLog, new RateLimiter(1), new Expander(null), transactions, JSON);

    /** A first request through every step, so that the timed ones below take far less than a second. */
    @BeforeEach
    void warmUp() throws Exception {
        assertThat(get("/v1/customers", OTHER.secretKey()).getStatus()).isEqualTo(200);
    }

    @Test
    void aWrongKeyIsRefusedBeforeTheRateLimitAndSpendsNothing() throws Exception {
        assertThat(get("/v1/customers", "sk_test_wrong_key_0001").getStatus()).isEqualTo(401);

        assertThat(get("/v1/customers", ACCOUNT.secretKey()).getStatus()).isEqualTo(200);
        assertThat(get("/v1/customers", ACCOUNT.secretKey()).getStatus()).isEqualTo(429);
    }

    @Test
    void overTheLimitEvenAnUnknownUrlOrABadParameterGets429() throws Exception {
        assertThat(get("/v1/customers", ACCOUNT.secretKey()).getStatus()).isEqualTo(200);

        MockHttpServletResponse unknown = get("/v1/nothing_here", ACCOUNT.secretKey());
        assertThat(unknown.getStatus()).isEqualTo(429);
        assertThat(body(unknown).at("/error/code").asString()).isEqualTo("rate_limit");
        assertThat(get("/v1/customers?limit=ten", ACCOUNT.secretKey()).getStatus()).isEqualTo(429);
    }

    @Test
    void anEndpointThatFailsUnexpectedlyGetsStripesApiErrorNamingTheRequestAndNothingElse() throws Exception {
        MockHttpServletResponse response = get("/v1/broken", ACCOUNT.secretKey());

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response).at("/error/type").asString()).isEqualTo("api_error");
        assertThat(body(response).at("/error/message").asString())
                .contains(response.getHeader("Request-Id"))
                .doesNotContain("10.0.0.7");
    }

    private MockHttpServletResponse get(String pathAndQuery, String key) throws Exception {
        String[] parts = pathAndQuery.split("\\?", 2);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sandbox" + parts[0]);
        if (parts.length > 1) {
            request.setQueryString(parts[1]);
            for (String pair : parts[1].split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.addParameter(nameAndValue[0], nameAndValue[1]);
            }
        }
        request.addHeader("Authorization", "Bearer " + key);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static JsonNode body(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString());
    }
}
