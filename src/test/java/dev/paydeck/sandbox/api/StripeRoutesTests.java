package dev.paydeck.sandbox.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StripeRoutesTests {

    private final StripeRoutes routes = new StripeRoutes();

    StripeRoutesTests() {
        routes.get("/v1/customers/{id}", ParamSpec.of(), call -> "retrieve");
        routes.post("/v1/customers/{id}", ParamSpec.of(), call -> "update");
        routes.get("/v1/customers/search", ParamSpec.of(), call -> "search");
        routes.get("/v1/customers", ParamSpec.of(), call -> "list");
    }

    @Test
    void literalSegmentsWinOverVariablesWhateverTheOrderTheyWereAddedIn() {
        assertThat(handled("GET", "/v1/customers/search")).isEqualTo("search");
        assertThat(routes.find("GET", "/v1/customers/cus_123").orElseThrow().variables())
                .isEqualTo(Map.of("id", "cus_123"));
        assertThat(handled("POST", "/v1/customers/cus_123")).isEqualTo("update");
        assertThat(handled("GET", "/v1/customers")).isEqualTo("list");
    }

    @Test
    void aLiteralPathWithAnotherMethodIsNotAnId() {
        assertThat(routes.find("POST", "/v1/customers/search")).isEmpty();
        assertThat(routes.find("DELETE", "/v1/customers/cus_123")).isEmpty();
        assertThat(routes.find("GET", "/v1/customers/cus_123/sources")).isEmpty();
    }

    private Object handled(String method, String path) {
        return routes.find(method, path).orElseThrow().route().handler().handle(null);
    }
}
